package cn.doublerandom.draw;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import org.hibernate.annotations.Immutable;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

import java.time.Instant;

/**
 * A row of {@code draw_failure}: a draw whose execution found no valid selection, with the seed it was run
 * with and why; at most one per draw. Insert-only, written by {@link DrawStore} for the journal alone; the
 * table's triggers refuse rewrites.
 */
@Entity
@Immutable
@Table(name = "draw_failure")
class DrawFailure extends PanacheEntityBase {

    @Id
    @Column(name = "draw_id")
    public String drawId;

    public String given;

    public String seed;

    public String reason;

    /** The failure's particulars as JSON, written as the event serialised them. */
    @JdbcTypeCode(SqlTypes.JSON)
    public String detail;

    @Column(name = "failed_at")
    public Instant failedAt;

    @Column(name = "failed_by")
    public String failedBy;

    static DrawFailure of(DrawEvent.Failed f) {
        DrawFailure row = new DrawFailure();
        row.drawId = f.drawId();
        row.given = f.given();
        row.seed = f.seed().value();
        row.reason = f.failure().reason();
        row.detail = f.detailJson();
        row.failedAt = f.at();
        row.failedBy = f.by();
        return row;
    }
}
