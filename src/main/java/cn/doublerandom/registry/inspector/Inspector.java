package cn.doublerandom.registry.inspector;

import cn.doublerandom.platform.Page;
import cn.doublerandom.registry.history.Stored;
import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import io.quarkus.panache.common.Parameters;
import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Embeddable;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.OrderBy;
import jakarta.persistence.Table;
import org.hibernate.annotations.BatchSize;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * A row of {@code inspector} (检查人员名录库) with its declared conflicts ({@code inspector_conflict}), as read
 * one at a time or a page at a time. Writes go through {@link InspectorStore}'s batches, one path for a single
 * record and an imported file, so that both keep the registry's history alike.
 */
@Entity
@Table(name = "inspector")
class Inspector extends PanacheEntityBase {

    /** A row of {@code inspector_conflict}: a target the inspector is recused from (回避). */
    @Embeddable
    public static class Recusal {
        public String uscc;
        public String reason;
    }

    @Id
    public String code;

    public int version;

    @Column(name = "region_code", columnDefinition = "char(6)")
    public String regionCode;

    public String name;

    @Column(name = "certificate_no")
    public String certificateNo;

    @Column(name = "certificate_expiry")
    public LocalDate certificateExpiry;

    @Enumerated(EnumType.STRING)
    public InspectorStatus status;

    public boolean certified;

    public boolean auxiliary;

    public String organisation;

    public String[] specialties;

    // a page's conflicts come in one query, not one per inspector
    @ElementCollection(fetch = FetchType.EAGER)
    @BatchSize(size = Page.MAX_LIMIT + 1)
    @CollectionTable(name = "inspector_conflict", joinColumns = @JoinColumn(name = "inspector_code"))
    @OrderBy("uscc")
    public List<Recusal> conflicts = new ArrayList<>();

    @Column(name = "created_at")
    public Instant createdAt;

    @Column(name = "updated_at")
    public Instant updatedAt;

    @Column(name = "updated_by")
    public String updatedBy;

    static Optional<Stored<InspectorData>> of(String code) {
        return Inspector.<Inspector>findByIdOptional(code).map(Inspector::stored);
    }

    /** The inspectors of the regions under {@code regionPrefix}, after a code, by code. */
    static List<Stored<InspectorData>> page(String regionPrefix, String after, int limit) {
        Parameters p = Parameters.with("prefix", regionPrefix + "%");
        String where = "regionCode like :prefix";
        if (after != null) {
            where += " and code > :after";
            p = p.and("after", after);
        }
        return Inspector.<Inspector>find(where + " order by code", p).page(0, limit).stream().map(Inspector::stored).toList();
    }

    Stored<InspectorData> stored() {
        InspectorData d = new InspectorData(code, regionCode, name, certificateNo, certificateExpiry, status, certified, auxiliary,
                organisation, Arrays.asList(specialties), conflicts.stream().map(k -> new Conflict(k.uscc, k.reason)).toList());
        return new Stored<>(d, version, createdAt, updatedAt, updatedBy);
    }
}
