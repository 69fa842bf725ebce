package cn.doublerandom.authority;

import cn.doublerandom.platform.database.Constraints;
import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import io.quarkus.panache.common.Parameters;
import io.quarkus.panache.common.Sort;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.Table;
import org.hibernate.StatelessSession;
import org.hibernate.annotations.Immutable;

import java.io.Serializable;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A row of {@code authority_version}: one version of a region's enforcement authority (检查机关).
 * Insert-only: the table's triggers refuse updates and deletes, and the entity never asks for them.
 */
@Entity
@Immutable
@Table(name = "authority_version")
@IdClass(AuthorityRecord.Key.class)
class AuthorityRecord extends PanacheEntityBase {

    /** The primary key (region_code, version). */
    record Key(String regionCode, int version) implements Serializable {
        Key() {
            this(null, 0);
        }
    }

    @Id
    @Column(name = "region_code", columnDefinition = "char(6)")
    public String regionCode;

    @Id
    public int version;

    public String name;

    public String address;

    public String contact;

    @Column(name = "change_reason")
    public String changeReason;

    @Column(name = "recorded_at")
    public Instant recordedAt;

    @Column(name = "recorded_by")
    public String recordedBy;

    static List<AuthorityVersion> versions(String region) {
        return AuthorityRecord.<AuthorityRecord>list("regionCode = :region", Sort.by("version"), Parameters.with("region", region))
                .stream().map(AuthorityRecord::version).toList();
    }

    static Optional<AuthorityVersion> latest(String region) {
        return AuthorityRecord.<AuthorityRecord>find("regionCode = :region", Sort.descending("version"),
                Parameters.with("region", region)).firstResultOptional().map(AuthorityRecord::version);
    }

    /** Each region's latest version: the directory's names. */
    static Map<String, AuthorityVersion> allLatest(StatelessSession session) {
        Map<String, AuthorityVersion> out = new HashMap<>();
        // columns, not entities: Hibernate materialises this immutable entity only in a stateful session
        session.createSelectionQuery("""
                select a.regionCode, a.version, a.name, a.address, a.contact, a.changeReason, a.recordedAt, a.recordedBy
                from AuthorityRecord a where a.version = (select max(b.version) from AuthorityRecord b where b.regionCode = a.regionCode)""",
                        Object[].class).getResultList()
                .forEach(r -> out.put((String) r[0], new AuthorityVersion((Integer) r[1], (String) r[2], (String) r[3],
                        (String) r[4], (String) r[5], (Instant) r[6], (String) r[7])));
        return out;
    }

    /**
     * Appends a version and flushes it, so that a writer who took the same version first surfaces here
     * as a unique violation ({@link Constraints#isUniqueViolation}).
     */
    static void append(String region, AuthorityVersion v) {
        AuthorityRecord r = new AuthorityRecord();
        r.regionCode = region;
        r.version = v.version();
        r.name = v.name();
        r.address = v.address();
        r.contact = v.contact();
        r.changeReason = v.changeReason();
        r.recordedAt = v.recordedAt();
        r.recordedBy = v.recordedBy();
        r.persistAndFlush();
    }

    AuthorityVersion version() {
        return new AuthorityVersion(version, name, address, contact, changeReason, recordedAt, recordedBy);
    }
}
