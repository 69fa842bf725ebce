package cn.doublerandom.result.followup;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import io.quarkus.panache.common.Sort;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.Table;
import org.hibernate.annotations.Immutable;

import java.io.Serializable;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/**
 * A row of {@code rectification_version}: version 1 as ordered, each change a later version with its reason.
 * Insert-only; the table's triggers refuse rewrites.
 */
@Entity
@Immutable
@Table(name = "rectification_version")
@IdClass(RectificationVersion.Key.class)
class RectificationVersion extends PanacheEntityBase {

    /** The primary key (rectification_id, version). */
    public record Key(String rectificationId, int version) implements Serializable {
        public Key() {
            this(null, 0);
        }
    }

    @Id
    @Column(name = "rectification_id")
    public String rectificationId;

    @Id
    public int version;

    public String requirement;

    public LocalDate deadline;

    @Column(name = "responsible_person")
    public String responsiblePerson;

    /** IN_PROGRESS or RECTIFIED; 逾期未整改 follows from the deadline and is never stored. */
    public String status;

    @Column(name = "rectified_on")
    public LocalDate rectifiedOn;

    @Column(name = "change_reason")
    public String changeReason;

    @Column(name = "recorded_at")
    public Instant recordedAt;

    @Column(name = "recorded_by")
    public String recordedBy;

    /** Every version of a rectification, the latest first. */
    static List<RectificationVersion> of(String rectificationId) {
        return list("rectificationId", Sort.descending("version"), rectificationId);
    }
}
