package cn.doublerandom.result.followup;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import io.quarkus.panache.common.Parameters;
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
 * A row of {@code rectification}: a rectification (整改) ordered for one problem of a result version. Insert-only:
 * its requirement, deadline and status live in {@link RectificationVersion}s; the table's triggers refuse rewrites.
 */
@Entity
@Immutable
@Table(name = "rectification")
class Rectification extends PanacheEntityBase {

    @Id
    public String id;

    @Column(name = "result_id")
    public String resultId;

    @Column(name = "result_version")
    public int resultVersion;

    /** The problem's place (0-based) in the result version it was ordered from. */
    @Column(name = "problem_index")
    public int problemIndex;

    @Column(name = "problem_type")
    public String problemType;

    @Column(name = "problem_description")
    public String problemDescription;

    @Column(name = "recorded_at")
    public Instant recordedAt;

    @Column(name = "recorded_by")
    public String recordedBy;

    /** The next id, Z and nine digits, from {@code rectification_seq}. */
    static String nextId() {
        long n = ((Number) getEntityManager().createNativeQuery("select nextval('rectification_seq')").getSingleResult()).longValue();
        return "Z" + String.format("%09d", n);
    }

    /** The rectification of a result's problem, if one was ordered: at most one per problem of a version. */
    static Optional<Rectification> of(String resultId, int resultVersion, int problemIndex) {
        return find("resultId = :result and resultVersion = :version and problemIndex = :index", Parameters.with("result", resultId)
                .and("version", resultVersion).and("index", problemIndex))
                .firstResultOptional();
    }

    static List<Rectification> ofResult(String resultId) {
        return list("resultId", Sort.by("id"), resultId);
    }
}
