package cn.doublerandom.result.followup;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import io.quarkus.panache.common.Sort;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import org.hibernate.annotations.Immutable;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * A row of {@code penalty}: a penalty decision (行政处罚决定) on a result, by its case number. Insert-only: the
 * decision's terms live in {@link PenaltyVersion}s; the table's triggers refuse rewrites.
 */
@Entity
@Immutable
@Table(name = "penalty")
class Penalty extends PanacheEntityBase {

    @Id
    public String id;

    @Column(name = "result_id")
    public String resultId;

    @Column(name = "case_number")
    public String caseNumber;

    @Column(name = "recorded_at")
    public Instant recordedAt;

    @Column(name = "recorded_by")
    public String recordedBy;

    /** The next id, P and nine digits, from {@code penalty_seq}. */
    static String nextId() {
        long n = ((Number) getEntityManager().createNativeQuery("select nextval('penalty_seq')").getSingleResult()).longValue();
        return "P" + String.format("%09d", n);
    }

    static Optional<Penalty> of(String id) {
        return findByIdOptional(id);
    }

    /** The decision of a case number: one across the service. */
    static Optional<Penalty> ofCase(String caseNumber) {
        return find("caseNumber", caseNumber).firstResultOptional();
    }

    static List<Penalty> ofResult(String resultId) {
        return list("resultId", Sort.by("id"), resultId);
    }
}
