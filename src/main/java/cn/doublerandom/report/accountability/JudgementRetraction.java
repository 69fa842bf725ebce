package cn.doublerandom.report.accountability;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import org.hibernate.annotations.Immutable;

import java.time.Instant;

/**
 * A row of {@code accountability_retraction}: a judgement retracted with a reason. The judgement stays
 * visible beside it. Insert-only, one per judgement; the table's triggers refuse rewrites.
 */
@Entity
@Immutable
@Table(name = "accountability_retraction")
class JudgementRetraction extends PanacheEntityBase {

    @Id
    @Column(name = "judgement_id")
    public String judgementId;

    public String reason;

    @Column(name = "recorded_at")
    public Instant recordedAt;

    @Column(name = "recorded_by")
    public String recordedBy;

    static void record(String judgementId, String reason, Instant at, String by) {
        JudgementRetraction r = new JudgementRetraction();
        r.judgementId = judgementId;
        r.reason = reason;
        r.recordedAt = at;
        r.recordedBy = by;
        r.persistAndFlush();
    }
}
