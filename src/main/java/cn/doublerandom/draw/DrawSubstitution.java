package cn.doublerandom.draw;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import io.quarkus.panache.common.Parameters;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import org.hibernate.annotations.Immutable;

import java.time.Instant;
import java.util.List;

/**
 * A row of {@code draw_substitution}: one member of a selected target's team replaced by the next eligible
 * candidate, with the team then in force and why. The selection itself never changes; the latest
 * substitution's team is the target's. Insert-only, written by {@link DrawStore} for the journal alone; the
 * table's triggers refuse rewrites.
 */
@Entity
@Immutable
@Table(name = "draw_substitution")
class DrawSubstitution extends PanacheEntityBase {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    @Column(name = "draw_id")
    public String drawId;

    public String uscc;

    public String replaced;

    public String replacement;

    public String[] team;

    public String reason;

    @Column(name = "recorded_at")
    public Instant recordedAt;

    @Column(name = "recorded_by")
    public String recordedBy;

    static DrawSubstitution of(DrawEvent.Substituted s) {
        DrawSubstitution row = new DrawSubstitution();
        row.drawId = s.drawId();
        row.uscc = s.uscc();
        row.replaced = s.replaced();
        row.replacement = s.replacement();
        row.team = s.team().toArray(String[]::new);
        row.reason = s.reason();
        row.recordedAt = s.at();
        row.recordedBy = s.by();
        return row;
    }

    /** The members this target's substitutions have replaced so far. */
    static List<String> replacedOf(String drawId, String uscc) {
        return DrawSubstitution.<DrawSubstitution>list("drawId = :draw and uscc = :uscc",
                Parameters.with("draw", drawId).and("uscc", uscc)).stream().map(s -> s.replaced).toList();
    }
}
