package cn.doublerandom.wording;

import cn.doublerandom.platform.database.Sql;
import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import io.quarkus.panache.common.Parameters;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import org.hibernate.annotations.Immutable;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;

/**
 * A row of {@code wording}: a result wording (抽查结果用语) as recorded. Insert-only: a wording is retired
 * ({@link WordingRetirement}), never changed or removed, and the table's triggers refuse rewrites.
 */
@Entity
@Immutable
@Table(name = "wording")
class WordingEntry extends PanacheEntityBase {

    @Id
    public String code;

    /** The listing order (the plan's order for the national wordings): the database numbers it. */
    @Column(insertable = false, updatable = false)
    public Long seq;

    @Column(name = "region_code", columnDefinition = "char(6)")
    public String regionCode;

    public String text;

    @Column(name = "valid_from")
    public LocalDate validFrom;

    public String reason;

    @Column(name = "recorded_at")
    public Instant recordedAt;

    @Column(name = "recorded_by")
    public String recordedBy;

    /** A wording with its retirement, if any. */
    record WithRetirement(WordingEntry wording, WordingRetirement retirement) {
    }

    private static final String SELECT = "select w, r from WordingEntry w left join WordingRetirement r on r.code = w.code where ";

    static List<WithRetirement> ofCodes(Collection<String> codes) {
        return codes.isEmpty() ? List.of() : query("w.code in :codes", Parameters.with("codes", codes));
    }

    /** The wordings of these regions or of those under {@code prefix} (none when null), in no particular order. */
    static List<WithRetirement> ofRegions(List<String> regions, String prefix) {
        return prefix == null ? query("w.regionCode in :regions", Parameters.with("regions", regions))
                : query("w.regionCode in :regions or w.regionCode like :prefix",
                Parameters.with("regions", regions).and("prefix", prefix + "%"));
    }

    /** Wordings with this text in these regions or under {@code prefix}. */
    static List<WithRetirement> withText(String text, List<String> regions, String prefix) {
        return query("w.text = :text and (w.regionCode in :regions or w.regionCode like :prefix)",
                Parameters.with("text", text).and("regions", regions).and("prefix", prefix + "%"));
    }

    /**
     * Wordings are added rarely: one at a time service-wide, so that the duplicate checks before an
     * insert hold until the transaction ends.
     */
    static void lockAdditions() {
        Sql.lockForTransaction(getEntityManager(), "wording");
    }

    static WordingEntry add(String code, String region, String text, LocalDate validFrom, String reason, Instant at, String by) {
        WordingEntry w = new WordingEntry();
        w.code = code;
        w.regionCode = region;
        w.text = text;
        w.validFrom = validFrom;
        w.reason = reason;
        w.recordedAt = at;
        w.recordedBy = by;
        w.persistAndFlush();
        return w;
    }

    private static List<WithRetirement> query(String where, Parameters params) {
        var q = getEntityManager().createQuery(SELECT + where, Object[].class);
        params.map().forEach(q::setParameter);
        List<WithRetirement> out = new ArrayList<>();
        for (Object[] row : q.getResultList()) {
            out.add(new WithRetirement((WordingEntry) row[0], (WordingRetirement) row[1]));
        }
        return out;
    }
}
