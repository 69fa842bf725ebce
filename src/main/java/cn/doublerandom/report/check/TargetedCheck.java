package cn.doublerandom.report.check;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import io.quarkus.panache.common.Parameters;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import org.hibernate.annotations.Immutable;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

/**
 * A row of {@code targeted_check}: a targeted check (针对性检查) as recorded. Insert-only: a check is never
 * changed once recorded, and the table's triggers refuse rewrites.
 */
@Entity
@Immutable
@Table(name = "targeted_check")
class TargetedCheck extends PanacheEntityBase {

    @Id
    public String id;

    @Column(columnDefinition = "char(6)")
    public String authority;

    public String uscc;

    @Column(name = "region_code", columnDefinition = "char(6)")
    public String regionCode;

    @Column(name = "enterprise_name")
    public String enterpriseName;

    public String source;

    @Column(name = "source_reference")
    public String sourceReference;

    @Column(name = "inspection_date")
    public LocalDate inspectionDate;

    /** The findings as JSON, written and read by the service's own mapper as before. */
    @JdbcTypeCode(SqlTypes.JSON)
    public String problems;

    public String[] handling;

    @Column(name = "violation_found")
    public boolean violationFound;

    @Column(name = "non_site")
    public boolean nonSite;

    public String[] team;

    public String note;

    @Column(name = "recorded_at")
    public Instant recordedAt;

    @Column(name = "recorded_by")
    public String recordedBy;

    /** The next id, C and nine digits, from {@code targeted_check_seq}. */
    static String nextId() {
        long n = ((Number) getEntityManager().createNativeQuery("select nextval('targeted_check_seq')").getSingleResult()).longValue();
        return "C" + String.format("%09d", n);
    }

    static Optional<TargetedCheck> of(String id) {
        return findByIdOptional(id);
    }

    /** The checks of the bureaus under {@code prefix} inspected in [from, to] (either open), after an id, by id. */
    static List<TargetedCheck> page(String prefix, LocalDate from, LocalDate to, String after, int limit) {
        StringBuilder where = new StringBuilder("authority like :prefix");
        Parameters p = Parameters.with("prefix", prefix + "%");
        if (from != null) {
            where.append(" and inspectionDate >= :from");
            p = p.and("from", from);
        }
        if (to != null) {
            where.append(" and inspectionDate <= :to");
            p = p.and("to", to);
        }
        if (after != null) {
            where.append(" and id > :after");
            p = p.and("after", after);
        }
        return find(where.append(" order by id").toString(), p).page(0, limit).list();
    }
}
