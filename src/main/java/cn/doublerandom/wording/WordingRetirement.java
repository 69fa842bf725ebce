package cn.doublerandom.wording;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import org.hibernate.annotations.Immutable;

import java.time.Instant;
import java.time.LocalDate;

/**
 * A row of {@code wording_retirement}: a wording no longer usable for results determined from
 * {@code retiredFrom}. Insert-only, at most one per wording; the table's triggers refuse rewrites.
 */
@Entity
@Immutable
@Table(name = "wording_retirement")
class WordingRetirement extends PanacheEntityBase {

    @Id
    public String code;

    @Column(name = "retired_from")
    public LocalDate retiredFrom;

    public String reason;

    @Column(name = "recorded_at")
    public Instant recordedAt;

    @Column(name = "recorded_by")
    public String recordedBy;

    static WordingRetirement retire(String code, LocalDate from, String reason, Instant at, String by) {
        WordingRetirement r = new WordingRetirement();
        r.code = code;
        r.retiredFrom = from;
        r.reason = reason;
        r.recordedAt = at;
        r.recordedBy = by;
        r.persistAndFlush();
        return r;
    }
}
