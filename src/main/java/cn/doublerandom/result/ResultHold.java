package cn.doublerandom.result;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import io.quarkus.panache.common.Sort;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import org.hibernate.annotations.Immutable;

import java.time.Instant;
import java.util.Optional;

/**
 * A row of {@code result_hold}: the bureau held a result back from publication, or released it, with a
 * reason. The latest row stands. Insert-only; the table's triggers refuse rewrites.
 */
@Entity
@Immutable
@Table(name = "result_hold")
class ResultHold extends PanacheEntityBase {

    static final String HOLD = "HOLD";
    static final String RELEASE = "RELEASE";

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    @Column(name = "result_id")
    public String resultId;

    /** HOLD or RELEASE. */
    public String action;

    public String reason;

    @Column(name = "recorded_at")
    public Instant recordedAt;

    @Column(name = "recorded_by")
    public String recordedBy;

    static void record(String resultId, boolean hold, String reason, Instant at, String by) {
        ResultHold h = new ResultHold();
        h.resultId = resultId;
        h.action = hold ? HOLD : RELEASE;
        h.reason = reason;
        h.recordedAt = at;
        h.recordedBy = by;
        h.persistAndFlush();
    }

    /** The hold or release that stands, if any. */
    static Optional<ResultHold> latest(String resultId) {
        return find("resultId", Sort.descending("id"), resultId).firstResultOptional();
    }
}
