package cn.doublerandom.item;

import cn.doublerandom.platform.ServiceClock;
import cn.doublerandom.platform.database.Sql;
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
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** The item list (随机抽查事项清单): public to read, kept by administrators, with history. */
@ApplicationScoped
public class ItemService {

    private static final String COLUMNS = """
            id, version, region_code, seq_no, name, sub_item, category, target_type, inspecting_level, legal_basis,
            content, methods, joint_inspection, required_specialty, responsible_division, cooperating_divisions, active,
            created_at, updated_at, updated_by""";

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
        return query("region_code = any(?)" + (includeRetired ? "" : " and active") + " order by region_code, id",
                (Object) codes.toArray(String[]::new));
    }

    public Optional<Stored<ItemData>> find(long id) {
        return query("id = ?", id).stream().findFirst();
    }

    public Stored<ItemData> get(long id) {
        return find(id).orElseThrow(() -> ProblemException.notFound("no item " + id));
    }

    @Transactional
    public Stored<ItemData> create(ItemInput input) {
        return write(check(nextId(), input), input.changeReason(), null, scope::requireAdminister, caller.signature());
    }

    /** Loads a reference list (the demo's) as the system, without a caller. */
    @Transactional
    public Stored<ItemData> loadReference(ItemInput input, String by) {
        return write(check(nextId(), input), "reference list", null, region -> { }, by);
    }

    private long nextId() {
        long id;
        try (Connection c = dataSource.getConnection();
             PreparedStatement ps = c.prepareStatement("select nextval('inspection_item_id_seq')");
             ResultSet rs = ps.executeQuery()) {
            rs.next();
            id = rs.getLong(1);
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
        return id;
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
        try (Connection c = dataSource.getConnection()) {
            for (Stored<ItemData> s : changes.inserts()) {
                upsert(c, s, true);
            }
            for (Stored<ItemData> s : changes.updates()) {
                upsert(c, s, false);
            }
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
        if (in.jointInspection() == null) {
            f.fail("jointInspection", null, "is required");
        }
        List<String> specialty = f.specialties("requiredSpecialty",
                in.requiredSpecialty() == null ? null : List.of(in.requiredSpecialty()));
        String division = f.text("responsibleDivision", in.responsibleDivision(), 100, false);
        List<String> cooperating = f.texts("cooperatingDivisions", in.cooperatingDivisions(), 100);
        f.text("changeReason", in.changeReason(), 500, false);
        if (!f.ok()) {
            throw new ProblemException(ProblemType.VALIDATION_FAILED, f.problems().get(0).field() + ": "
                    + f.problems().get(0).message(), f.problems());
        }
        List<InspectionMethod> methods = in.methods().stream().distinct().sorted().toList();
        return new ItemData(id, region, seqNo, name, subItem, in.category(), targetType, in.inspectingLevel(), legalBasis,
                content, methods, in.jointInspection(), specialty.isEmpty() ? null : specialty.get(0), division, cooperating,
                in.active() == null || in.active());
    }

    private static void upsert(Connection c, Stored<ItemData> s, boolean insert) throws SQLException {
        String sql = insert ? "insert into inspection_item (" + COLUMNS + ") values (?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?)"
                : """
                update inspection_item set id = ?, version = ?, region_code = ?, seq_no = ?, name = ?, sub_item = ?,
                  category = ?, target_type = ?, inspecting_level = ?, legal_basis = ?, content = ?, methods = ?,
                  joint_inspection = ?, required_specialty = ?, responsible_division = ?, cooperating_divisions = ?,
                  active = ?, created_at = ?, updated_at = ?, updated_by = ? where id = ?""";
        ItemData d = s.data();
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            int i = 1;
            ps.setLong(i++, d.id());
            ps.setInt(i++, s.version());
            ps.setString(i++, d.regionCode());
            ps.setString(i++, d.seqNo());
            ps.setString(i++, d.name());
            ps.setString(i++, d.subItem());
            Sql.setEnum(ps, i++, d.category());
            ps.setString(i++, d.targetType());
            Sql.setEnum(ps, i++, d.inspectingLevel());
            ps.setString(i++, d.legalBasis());
            ps.setString(i++, d.content());
            ps.setArray(i++, Sql.textArray(c, d.methods()));
            ps.setBoolean(i++, d.jointInspection());
            ps.setString(i++, d.requiredSpecialty());
            ps.setString(i++, d.responsibleDivision());
            ps.setArray(i++, Sql.textArray(c, d.cooperatingDivisions()));
            ps.setBoolean(i++, d.active());
            ps.setTimestamp(i++, Timestamp.from(s.createdAt()));
            ps.setTimestamp(i++, Timestamp.from(s.updatedAt()));
            ps.setString(i++, s.updatedBy());
            if (!insert) {
                ps.setLong(i, d.id());
            }
            ps.executeUpdate();
        }
    }

    private List<Stored<ItemData>> query(String where, Object... params) {
        try (Connection c = dataSource.getConnection();
             PreparedStatement ps = c.prepareStatement("select " + COLUMNS + " from inspection_item where " + where)) {
            for (int i = 0; i < params.length; i++) {
                if (params[i] instanceof String[] a) {
                    ps.setArray(i + 1, c.createArrayOf("text", a));
                } else {
                    ps.setObject(i + 1, params[i]);
                }
            }
            List<Stored<ItemData>> out = new ArrayList<>();
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    ItemData d = new ItemData(rs.getLong("id"), rs.getString("region_code"), rs.getString("seq_no"),
                            rs.getString("name"), rs.getString("sub_item"), Sql.getEnum(rs, "category", ItemCategory.class),
                            rs.getString("target_type"), Sql.getEnum(rs, "inspecting_level", InspectingLevel.class),
                            rs.getString("legal_basis"), rs.getString("content"),
                            Sql.getArray(rs, "methods", InspectionMethod::valueOf), rs.getBoolean("joint_inspection"),
                            rs.getString("required_specialty"), rs.getString("responsible_division"),
                            Sql.getArray(rs, "cooperating_divisions", x -> x), rs.getBoolean("active"));
                    out.add(new Stored<>(d, rs.getInt("version"), rs.getTimestamp("created_at").toInstant(),
                            rs.getTimestamp("updated_at").toInstant(), rs.getString("updated_by")));
                }
            }
            return out;
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }
}
