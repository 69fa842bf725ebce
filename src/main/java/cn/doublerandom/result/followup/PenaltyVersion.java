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
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/**
 * A row of {@code penalty_version}: version 1 as decided, each correction a later version with its reason.
 * Insert-only; the table's triggers refuse rewrites.
 */
@Entity
@Immutable
@Table(name = "penalty_version")
@IdClass(PenaltyVersion.Key.class)
class PenaltyVersion extends PanacheEntityBase {

    /** The primary key (penalty_id, version). */
    public record Key(String penaltyId, int version) implements Serializable {
        public Key() {
            this(null, 0);
        }
    }

    @Id
    @Column(name = "penalty_id")
    public String penaltyId;

    @Id
    public int version;

    @Column(name = "decision_date")
    public LocalDate decisionDate;

    /** In yuan, two decimals. */
    public BigDecimal amount;

    public String discretion;

    @Column(name = "discretion_reason")
    public String discretionReason;

    /** The transfers (移送) decided, as handling codes. */
    public String[] transfers;

    @Column(name = "change_reason")
    public String changeReason;

    @Column(name = "recorded_at")
    public Instant recordedAt;

    @Column(name = "recorded_by")
    public String recordedBy;

    /** Every version of a decision, the latest first. */
    static List<PenaltyVersion> of(String penaltyId) {
        return list("penaltyId", Sort.descending("version"), penaltyId);
    }

    /** The number the next version of a decision takes: one after its latest. */
    static int next(String penaltyId) {
        PenaltyVersion latest = find("penaltyId", Sort.descending("version"), penaltyId).firstResult();
        return latest == null ? 1 : latest.version + 1;
    }
}
