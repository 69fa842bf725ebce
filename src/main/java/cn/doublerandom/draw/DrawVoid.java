package cn.doublerandom.draw;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import org.hibernate.annotations.Immutable;

import java.time.Instant;

/**
 * A row of {@code draw_void}: a draw voided, why, when and by whom; at most one per draw. Insert-only, written
 * by {@link DrawStore} for the journal alone; the table's triggers refuse rewrites.
 */
@Entity
@Immutable
@Table(name = "draw_void")
class DrawVoid extends PanacheEntityBase {

    @Id
    @Column(name = "draw_id")
    public String drawId;

    public String reason;

    @Column(name = "voided_at")
    public Instant voidedAt;

    @Column(name = "voided_by")
    public String voidedBy;

    static DrawVoid of(DrawEvent.Voided v) {
        DrawVoid row = new DrawVoid();
        row.drawId = v.drawId();
        row.reason = v.reason();
        row.voidedAt = v.at();
        row.voidedBy = v.by();
        return row;
    }
}
