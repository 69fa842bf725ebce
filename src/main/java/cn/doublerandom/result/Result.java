package cn.doublerandom.result;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import io.quarkus.panache.common.Parameters;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import org.hibernate.annotations.Immutable;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * A row of {@code result}: the inspection result (检查结果) of one selected target of a draw, as first recorded.
 * Insert-only: its findings live in {@link ResultVersion}s, a correction adds one, and the table's triggers
 * refuse rewrites.
 */
@Entity
@Immutable
@Table(name = "result")
class Result extends PanacheEntityBase {

    @Id
    public String id;

    @Column(name = "draw_id")
    public String drawId;

    public String uscc;

    @Column(columnDefinition = "char(6)")
    public String authority;

    @Column(name = "region_code", columnDefinition = "char(6)")
    public String regionCode;

    @Column(name = "enterprise_name")
    public String enterpriseName;

    @Column(columnDefinition = "char(6)")
    public String quarter;

    public boolean confidential;

    @Column(name = "confidential_reason")
    public String confidentialReason;

    @Column(name = "recorded_at")
    public Instant recordedAt;

    @Column(name = "recorded_by")
    public String recordedBy;

    /** The next id, R and nine digits, from {@code result_seq}. */
    static String nextId() {
        long n = ((Number) getEntityManager().createNativeQuery("select nextval('result_seq')").getSingleResult()).longValue();
        return "R" + String.format("%09d", n);
    }

    static Optional<Result> of(String id) {
        return findByIdOptional(id);
    }

    /** The result of a target under a draw: at most one, corrections being versions of it. */
    static Optional<Result> of(String drawId, String uscc) {
        return find("drawId = :draw and uscc = :uscc", Parameters.with("draw", drawId).and("uscc", uscc)).firstResultOptional();
    }

    static List<Result> ofDraw(String drawId) {
        return list("drawId", drawId);
    }
}
