package cn.doublerandom.result.followup;

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
import java.time.LocalDate;
import java.util.List;

/**
 * A row of {@code rectification_check}: a re-check (复查) or look-back (回头看) of a rectification, a check of its
 * own. Insert-only; the table's triggers refuse rewrites.
 */
@Entity
@Immutable
@Table(name = "rectification_check")
class RectificationCheck extends PanacheEntityBase {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    @Column(name = "rectification_id")
    public String rectificationId;

    /** RECHECK or LOOK_BACK. */
    public String kind;

    @Column(name = "check_date")
    public LocalDate checkDate;

    public String[] team;

    /** CONFIRMED or NOT_RECTIFIED. */
    public String outcome;

    public String findings;

    @Column(name = "recorded_at")
    public Instant recordedAt;

    @Column(name = "recorded_by")
    public String recordedBy;

    /** The checks of a rectification in the order they were recorded. */
    static List<RectificationCheck> of(String rectificationId) {
        return list("rectificationId", Sort.by("id"), rectificationId);
    }
}
