package cn.doublerandom.item;

import cn.doublerandom.registry.history.Stored;
import cn.doublerandom.registry.target.ObjectKind;
import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import io.quarkus.panache.common.Parameters;
import io.quarkus.panache.common.Sort;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/** A row of {@code inspection_item}: an item of a region's list (随机抽查事项) as stored, with its version. */
@Entity
@Table(name = "inspection_item")
public class Item extends PanacheEntityBase {

    /** Taken from {@code inspection_item_id_seq} by {@link #newId} before the item is checked and written. */
    @Id
    public Long id;

    public int version;

    @Column(name = "region_code", columnDefinition = "char(6)")
    public String regionCode;

    @Column(name = "seq_no")
    public String seqNo;

    public String name;

    @Column(name = "sub_item")
    public String subItem;

    @Enumerated(EnumType.STRING)
    public ItemCategory category;

    @Column(name = "target_type")
    public String targetType;

    @Enumerated(EnumType.STRING)
    @Column(name = "inspecting_level")
    public InspectingLevel inspectingLevel;

    @Column(name = "legal_basis")
    public String legalBasis;

    public String content;

    public String[] methods;

    @Column(name = "joint_inspection")
    public boolean jointInspection;

    @Column(name = "required_specialty")
    public String requiredSpecialty;

    @Column(name = "responsible_division")
    public String responsibleDivision;

    @Column(name = "cooperating_divisions")
    public String[] cooperatingDivisions;

    public boolean active;

    @Column(name = "object_kinds")
    public String[] objectKinds;

    @Column(name = "reading_note")
    public String readingNote;

    @Column(name = "created_at")
    public Instant createdAt;

    @Column(name = "updated_at")
    public Instant updatedAt;

    @Column(name = "updated_by")
    public String updatedBy;

    public static Optional<Item> of(long id) {
        return findByIdOptional(id);
    }

    /** The items of these regions, by region and id; retired ones only when asked. */
    public static List<Item> ofRegions(List<String> regions, boolean includeRetired) {
        return list("regionCode in :regions" + (includeRetired ? "" : " and active = true"), Sort.by("regionCode").and("id"),
                Parameters.with("regions", regions));
    }

    /** The next item id; taken before the item is checked, so that its history and audit name it. */
    static long newId() {
        return ((Number) getEntityManager().createNativeQuery("select nextval('inspection_item_id_seq')").getSingleResult())
                .longValue();
    }

    /** Writes a version of an item: over the stored row, or as a new one. */
    static void write(Stored<ItemData> s) {
        ItemData d = s.data();
        Item row = Item.<Item>findByIdOptional(d.id()).orElseGet(Item::new);
        boolean created = row.id == null;
        row.id = d.id();
        row.version = s.version();
        row.regionCode = d.regionCode();
        row.seqNo = d.seqNo();
        row.name = d.name();
        row.subItem = d.subItem();
        row.category = d.category();
        row.targetType = d.targetType();
        row.inspectingLevel = d.inspectingLevel();
        row.legalBasis = d.legalBasis();
        row.content = d.content();
        row.methods = d.methods().stream().map(Enum::name).toArray(String[]::new);
        row.jointInspection = d.jointInspection();
        row.requiredSpecialty = d.requiredSpecialty();
        row.responsibleDivision = d.responsibleDivision();
        row.cooperatingDivisions = d.cooperatingDivisions().toArray(String[]::new);
        row.active = d.active();
        row.objectKinds = d.objectKinds().stream().map(Enum::name).toArray(String[]::new);
        row.readingNote = d.readingNote();
        row.createdAt = s.createdAt();
        row.updatedAt = s.updatedAt();
        row.updatedBy = s.updatedBy();
        if (created) {
            row.persist();
        }
        row.flush();
    }

    Stored<ItemData> stored() {
        ItemData d = new ItemData(id, regionCode, seqNo, name, subItem, category, targetType, inspectingLevel, legalBasis,
                content, Arrays.stream(methods).map(InspectionMethod::valueOf).toList(), jointInspection, requiredSpecialty,
                responsibleDivision, cooperatingDivisions == null ? List.of() : List.of(cooperatingDivisions), active,
                objectKinds == null ? List.of() : Arrays.stream(objectKinds).map(ObjectKind::valueOf).toList(), readingNote);
        return new Stored<>(d, version, createdAt, updatedAt, updatedBy);
    }
}
