package cn.doublerandom.item;

import cn.doublerandom.platform.ServiceClock;
import cn.doublerandom.platform.problem.ProblemException;
import cn.doublerandom.platform.problem.ProblemType;
import cn.doublerandom.region.Region;
import cn.doublerandom.region.RegionDirectory;
import cn.doublerandom.registry.FieldRules;
import cn.doublerandom.registry.history.ChangeSet;
import cn.doublerandom.registry.history.RegistryEntity;
import cn.doublerandom.registry.history.RegistryHistory;
import cn.doublerandom.registry.history.Stored;
import cn.doublerandom.security.Caller;
import cn.doublerandom.security.RegionScope;
import io.agroal.api.AgroalDataSource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** The item list (随机抽查事项清单): public to read, kept by administrators, with history. */
@ApplicationScoped
public class ItemService {

    @Inject
    cn.doublerandom.audit.AuditTrail audit;

    @Inject
    AgroalDataSource dataSource;

    @Inject
    RegistryHistory history;

    @Inject
    RegionDirectory regions;

    @Inject
    RegionScope scope;

    @Inject
    Caller caller;

    @Inject
    ServiceClock clock;

    /**
     * The items that apply in a region: its own list and those of the city and province above it,
     * active ones only unless asked.
     */
    public List<Stored<ItemData>> applicable(String regionCode, boolean includeRetired) {
        List<String> codes = new ArrayList<>();
        for (Region r = regions.require("region", regionCode); r != null; r = regions.find(r.parentCode())) {
            codes.add(r.code());
        }
        return Item.ofRegions(codes, includeRetired).stream().map(Item::stored).toList();
    }

    public Optional<Stored<ItemData>> find(long id) {
        return Item.of(id).map(Item::stored);
    }

    /**
     * The names of these items, by id, in one query on the caller's connection (a report may run on an
     * executor thread, outside any persistence context); an unknown id is absent.
     */
    public Map<Long, String> names(Connection c, java.util.Collection<Long> ids) throws SQLException {
        return ItemStore.names(c, ids);
    }

    public Stored<ItemData> get(long id) {
        return find(id).orElseThrow(() -> ProblemException.notFound("no item " + id));
    }

    @Transactional
    public Stored<ItemData> create(ItemInput input) {
        return write(check(Item.newId(), input), input.changeReason(), null, scope::requireAdminister, caller.signature());
    }

    /** Loads a reference list (the demo's) as the system, without a caller. */
    @Transactional
    public Stored<ItemData> loadReference(ItemInput input, String by) {
        return write(check(Item.newId(), input), "reference list", null, region -> { }, by);
    }

    @Transactional
    public Stored<ItemData> update(long id, ItemInput input, Integer expectedVersion) {
        Stored<ItemData> before = get(id);
        RegistryHistory.requireVersion(RegistryEntity.ITEM, Long.toString(id), before.version(), expectedVersion);
        return write(check(id, input), input.changeReason(), before, scope::requireAdminister, caller.signature());
    }

    private Stored<ItemData> write(ItemData data, String reason, Stored<ItemData> before,
                                   java.util.function.Consumer<String> mayWrite, String by) {
        Map<String, Stored<ItemData>> existing = before == null ? Map.of() : Map.of(Long.toString(data.id()), before);
        ChangeSet<ItemData> changes = ChangeSet.plan(RegistryEntity.ITEM, List.of(data), existing, d -> Long.toString(d.id()),
                ItemData::regionCode, mayWrite, false, reason, clock.now(), by);
        changes.written().forEach(Item::write);
        try (Connection c = dataSource.getConnection()) {
            history.append(c, changes.versions());
            if (!by.startsWith("system:")) {
                audit.record(before == null ? "CREATE" : "UPDATE", "ITEM", Long.toString(data.id()), data.regionCode(), reason);
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
        return changes.written().isEmpty() ? before : changes.written().get(0);
    }

    ItemData check(long id, ItemInput in) {
        FieldRules f = new FieldRules();
        String region = in.regionCode() == null ? null : in.regionCode().strip();
        if (!RegionDirectory.hasCodeForm(region) || regions.find(region) == null) {
            f.fail("regionCode", region, "must be a known 6-digit region code");
        }
        String seqNo = f.text("seqNo", in.seqNo(), 20, false);
        String name = f.text("name", in.name(), 300, true);
        String subItem = f.text("subItem", in.subItem(), 500, false);
        String targetType = f.text("targetType", in.targetType(), 300, true);
        String legalBasis = f.text("legalBasis", in.legalBasis(), 2000, true);
        String content = f.text("content", in.content(), 4000, true);
        if (in.methods() == null || in.methods().isEmpty() || in.methods().stream().anyMatch(java.util.Objects::isNull)) {
            f.fail("methods", null, "at least one of ON_SITE, DOCUMENTARY, TECHNOLOGY");
        }
        if (in.objectKinds() != null && in.objectKinds().stream().anyMatch(java.util.Objects::isNull)) {
            f.fail("objectKinds", null, "each a code of the 检查对象 list, e.g. POLLUTANT_DISCHARGER (排污单位)");
        }
        if (in.jointInspection() == null) {
            f.fail("jointInspection", null, "is required");
        }
        List<String> specialty = f.specialties("requiredSpecialty",
                in.requiredSpecialty() == null ? null : List.of(in.requiredSpecialty()));
        String division = f.text("responsibleDivision", in.responsibleDivision(), 100, false);
        List<String> cooperating = f.texts("cooperatingDivisions", in.cooperatingDivisions(), 100);
        String note = f.text("readingNote", in.readingNote(), 1000, false);
        f.text("changeReason", in.changeReason(), 500, false);
        if (!f.ok()) {
            throw new ProblemException(ProblemType.VALIDATION_FAILED, f.problems().get(0).field() + ": "
                    + f.problems().get(0).message(), f.problems());
        }
        List<InspectionMethod> methods = in.methods().stream().distinct().sorted().toList();
        return new ItemData(id, region, seqNo, name, subItem, in.category(), targetType, in.inspectingLevel(), legalBasis,
                content, methods, in.jointInspection(), specialty.isEmpty() ? null : specialty.get(0), division, cooperating,
                in.active() == null || in.active(), in.objectKinds(), note);
    }
}
