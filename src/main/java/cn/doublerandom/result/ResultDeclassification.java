package cn.doublerandom.result;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import org.hibernate.annotations.Immutable;

import java.time.Instant;

/**
 * A row of {@code result_declassification}: the confidentiality of a confidential result lapsed (解密), with a
 * reason; from then on the result is published like any other. One per result, insert-only; the table's
 * triggers refuse rewrites.
 */
@Entity
@Immutable
@Table(name = "result_declassification")
class ResultDeclassification extends PanacheEntityBase {

    @Id
    @Column(name = "result_id")
    public String resultId;

    public String reason;

    @Column(name = "recorded_at")
    public Instant recordedAt;

    @Column(name = "recorded_by")
    public String recordedBy;

    static void record(String resultId, String reason, Instant at, String by) {
        ResultDeclassification d = new ResultDeclassification();
        d.resultId = resultId;
        d.reason = reason;
        d.recordedAt = at;
        d.recordedBy = by;
        d.persistAndFlush();
    }

    /** When the result was declassified, or null while it is not. */
    static Instant at(String resultId) {
        ResultDeclassification d = findById(resultId);
        return d == null ? null : d.recordedAt;
    }
}
