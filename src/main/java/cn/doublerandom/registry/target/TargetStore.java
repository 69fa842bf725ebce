package cn.doublerandom.registry.target;

import cn.doublerandom.registry.history.Stored;
import cn.doublerandom.platform.database.CopyRow;
import cn.doublerandom.platform.database.ReadThreads;
import cn.doublerandom.platform.database.Sql;
import cn.doublerandom.region.RegionRange;
import io.agroal.api.AgroalDataSource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.stream.Collectors;

/**
 * The {@code target} table. Plain JDBC: an import writes a province's rows by COPY, and the
 * single-record API goes through the very same statements so that there is one way to write.
 */
@ApplicationScoped
public class TargetStore {

    private static final String COLUMNS = """
            uscc, version, region_code, name, address, township, industry, project_status, pollutant_types, scale,
            production_cycle, monitoring_types, permit_class, key_discharger, credit_rating, weather_grade,
            positive_list_from, positive_list_to, operating_status, uscc_override_reason, object_kinds, created_at, updated_at,
            updated_by, enterprise_type, legal_representative, longitude, latitude, ultra_low_emission, self_accepted_since_2019,
            ledger_industry""";

    @Inject
    AgroalDataSource dataSource;

    public Connection connection() throws SQLException {
        return dataSource.getConnection();
    }

    public Optional<Stored<TargetData>> find(String uscc) {
        try (Connection c = connection()) {
            return Optional.ofNullable(load(c, List.of(uscc), false).get(uscc));
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Whether the registry holds no target at all. */
    public boolean isEmpty() {
        try (Connection c = connection(); Statement st = c.createStatement();
             ResultSet rs = st.executeQuery("select not exists (select 1 from target)")) {
            rs.next();
            return rs.getBoolean(1);
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    /** A target's name and region as a draw's selection shows them. */
    public record Label(String name, String regionCode) {
    }

    /**
     * The names and regions of these USCCs, in USCC order: index lookups that visit the table in its
     * key order. On the calling thread's connection: its transaction's, or on a {@link ReadThreads}
     * thread one of its own (committed rows).
     */
    public Map<String, Label> labels(Collection<String> usccs) {
        Map<String, Label> out = new HashMap<>();
        try (Connection c = dataSource.getConnection()) {
            selectByUscc(c, "select uscc, name, region_code from target where uscc = any(?)", usccs.stream().sorted().toList(),
                    CHUNK, rs -> out.put(rs.getString(1), new Label(rs.getString(2), rs.getString(3))));
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
        return out;
    }

    /** The current data of these USCCs, on the calling thread's connection, by USCC. */
    public Map<String, TargetData> current(Collection<String> usccs) {
        try (Connection c = dataSource.getConnection()) {
            Map<String, TargetData> out = new HashMap<>();
            load(c, usccs, false).forEach((uscc, t) -> out.put(uscc, t.data()));
            return out;
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The current rows of these USCCs, locked for update when {@code lock}. */
    public Map<String, Stored<TargetData>> load(Connection c, Collection<String> usccs, boolean lock) throws SQLException {
        Map<String, Stored<TargetData>> out = new HashMap<>();
        List<String> all = List.copyOf(usccs);
        // locked in one statement, so that rows are locked in one order whatever the chunking
        selectByUscc(c, "select " + COLUMNS + " from target where uscc = any(?)" + (lock ? " order by uscc for update" : ""),
                all, lock ? Math.max(1, all.size()) : CHUNK, rs -> {
                    Stored<TargetData> t = read(rs);
                    out.put(t.data().uscc(), t);
                });
        return out;
    }

    /**
     * USCCs asked for per statement: one array of all a province draw's selected targets makes
     * PostgreSQL scan the whole table; chunks of 1,000 are index lookups.
     */
    private static final int CHUNK = 1000;

    @FunctionalInterface
    private interface RowSink {
        void accept(ResultSet rs) throws SQLException;
    }

    /** Runs {@code sql}, whose one parameter is an array of USCCs, over {@code usccs} {@code chunk} at a time. */
    private static void selectByUscc(Connection c, String sql, List<String> usccs, int chunk, RowSink sink) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            for (int from = 0; from < usccs.size(); from += chunk) {
                ps.setArray(1, c.createArrayOf("text", usccs.subList(from, Math.min(usccs.size(), from + chunk)).toArray()));
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        sink.accept(rs);
                    }
                }
            }
        }
    }

    /** A page in USCC order after {@code after}, inside a region subtree, optionally by name substring. */
    public List<Stored<TargetData>> page(String regionPrefix, String nameContains, String after, int limit) {
        StringBuilder sql = new StringBuilder("select " + COLUMNS + " from target where region_code like ?");
        if (nameContains != null) {
            sql.append(" and (name like ? escape '\\' or uscc = ?)");
        }
        if (after != null) {
            sql.append(" and uscc > ?");
        }
        sql.append(" order by uscc limit ?");
        try (Connection c = connection(); PreparedStatement ps = c.prepareStatement(sql.toString())) {
            int i = 1;
            ps.setString(i++, regionPrefix + "%");
            if (nameContains != null) {
                ps.setString(i++, "%" + Sql.likeEscape(nameContains) + "%");
                ps.setString(i++, nameContains);
            }
            if (after != null) {
                ps.setString(i++, after);
            }
            ps.setInt(i, limit);
            List<Stored<TargetData>> out = new ArrayList<>();
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    out.add(read(rs));
                }
            }
            return out;
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Streams every target of a region subtree in USCC order, for exports. */
    public void forEach(String regionPrefix, Consumer<Stored<TargetData>> sink) {
        try (Connection c = connection(); PreparedStatement ps = c.prepareStatement(
                "select " + COLUMNS + " from target where region_code >= ? and region_code < ? order by uscc")) {
            ps.setFetchSize(2000);
            RegionRange range = RegionRange.ofPrefix(regionPrefix);
            ps.setString(1, range.from());
            ps.setString(2, range.to());
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    sink.accept(read(rs));
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    /**
     * What a draw's pool reads of a target: whether it may be drawn, what its class and method depend
     * on (for a producing target; one that is not has no {@code classInputs}), and the kinds of object it
     * is ({@link ObjectKind#mask}; 0 for one not producing, which no pool takes), which decide whether an
     * item of the draw applies to it.
     */
    public record PoolRow(String uscc, OperatingStatus status, SupervisionClassifier.Inputs classInputs,
                          List<MonitoringType> monitoringTypes, int objectKinds) {

        /** A row of no object kind. */
        public PoolRow(String uscc, OperatingStatus status, SupervisionClassifier.Inputs classInputs,
                       List<MonitoringType> monitoringTypes) {
            this(uscc, status, classInputs, monitoringTypes, 0);
        }
    }

    /**
     * Every target of the subtree with the columns a draw's pool needs, by COPY (a province: 730,000
     * rows in about a second): parsing COPY's text rows costs a third of decoding a result set.
     * Runs on the caller's connection (inside its transaction).
     */
    public void forEachPoolRow(String regionPrefix, Consumer<PoolRow> sink) {
        try (Connection c = connection()) {
            copyPoolRows(c, poolCopy(RegionRange.ofPrefix(regionPrefix)), false, (region, name, row) -> sink.accept(row));
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Hands on a pool row with the target's region code, read as a number, and its name. */
    @FunctionalInterface
    public interface RegionalPoolRowSink {
        void accept(int regionCode, String name, PoolRow row);
    }

    /** No read yet: {@link #forEachPoolRowWrittenSince} then reads every row. */
    public static final long NEVER_READ = -1;

    /**
     * The pool rows of every target written by a transaction whose id is at least {@code horizon}
     * (all of them for {@link #NEVER_READ}), as of one snapshot, and that snapshot's horizon: its
     * xmin, the lowest id of a transaction still running when it was taken, below which every
     * transaction had ended (V13's {@code written_by}). Reading again from the returned horizon misses
     * no row committed since, whatever order transactions commit in. On a connection of its own in a
     * transaction of its own: call it where no transaction is open ({@link ReadThreads}).
     */
    public long forEachPoolRowWrittenSince(long horizon, RegionalPoolRowSink sink) {
        try (Connection c = connection()) {
            c.setAutoCommit(false);
            c.setTransactionIsolation(Connection.TRANSACTION_REPEATABLE_READ);
            try (Statement st = c.createStatement()) {
                long next;
                // the first statement of a repeatable-read transaction takes the snapshot every later one reads
                try (ResultSet rs = st.executeQuery("select pg_snapshot_xmin(pg_current_snapshot())::text")) {
                    rs.next();
                    next = Long.parseLong(rs.getString(1));
                }
                copyPoolRows(c, "copy (select " + POOL_COLUMNS + ", name from target"
                        + (horizon == NEVER_READ ? "" : " where written_by >= '" + horizon + "'::xid8") + ") to stdout", true, sink);
                return next;
            } finally {
                c.rollback();
                c.setAutoCommit(true);
                c.setTransactionIsolation(Connection.TRANSACTION_READ_COMMITTED);
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    private static final String POOL_COLUMNS = "uscc, region_code, operating_status, credit_rating, key_discharger, permit_class,"
            + " positive_list_from, positive_list_to, monitoring_types, object_kinds";

    /** COPY takes no parameters: the bounds are region-code digits, quoted as literals. */
    private static String poolCopy(RegionRange range) {
        return "copy (select " + POOL_COLUMNS + " from target where region_code >= " + Sql.literal(range.from())
                + " and region_code < " + Sql.literal(range.to()) + ") to stdout";
    }

    private static final CopyRow.Names<OperatingStatus> STATUS = CopyRow.Names.of(OperatingStatus.class);
    private static final CopyRow.Names<CreditRating> CREDIT = CopyRow.Names.of(CreditRating.class);
    private static final CopyRow.Names<PermitClass> PERMIT = CopyRow.Names.of(PermitClass.class);
    private static final CopyRow.Names<MonitoringType> MONITORING = CopyRow.Names.of(MonitoringType.class);
    private static final CopyRow.Names<ObjectKind> KINDS = CopyRow.Names.of(ObjectKind.class);

    /**
     * A target that is not producing is only counted by a pool: its row carries its USCC, region and status
     * alone. The name, the eleventh column {@code withName}, may hold anything a name may: COPY's escapes.
     */
    private static void copyPoolRows(Connection c, String copy, boolean withName, RegionalPoolRowSink sink) throws SQLException {
        CopyRow f = withName ? new CopyRow(11).allowingEscapes(10) : new CopyRow(10);
        Sql.copyOut(c, copy, bytes -> {
            f.of(bytes);
            int region = f.number(1);
            String name = withName ? f.unescaped(10) : null;
            OperatingStatus status = f.constant(2, STATUS);
            if (status != OperatingStatus.PRODUCING) {
                sink.accept(region, name, new PoolRow(f.text(0), status, null, List.of()));
                return;
            }
            sink.accept(region, name, new PoolRow(f.text(0), status, new SupervisionClassifier.Inputs(f.constant(3, CREDIT),
                    f.bool(4), f.constant(5, PERMIT), f.date(6), f.date(7)), f.constants(8, MONITORING), f.ordinalBits(9, KINDS)));
        });
    }

    /**
     * Writes new and changed targets: COPY into a transaction-local staging table, then one
     * set-based upsert by USCC that keeps {@code created_at}. An import of 100,000 targets is two
     * statements, not 100,000.
     */
    public void write(Connection c, List<Stored<TargetData>> rows) throws SQLException {
        if (rows.isEmpty()) {
            return;
        }
        String csv = rows.parallelStream().map(TargetStore::csvLine).collect(Collectors.joining());
        try (Statement st = c.createStatement()) {
            st.execute("create temp table if not exists target_staging (like target including defaults) on commit delete rows");
        }
        Sql.copy(c, "copy target_staging (" + COLUMNS + ") from stdin (format csv)", csv);
        String updates = Arrays.stream(COLUMNS.split(",")).map(String::strip)
                .filter(col -> !col.equals("uscc") && !col.equals("created_at"))
                .map(col -> col + " = excluded." + col).collect(Collectors.joining(", "));
        try (Statement st = c.createStatement()) {
            st.executeUpdate("insert into target (" + COLUMNS + ") select " + COLUMNS + " from target_staging"
                    + " on conflict (uscc) do update set " + updates);
            st.executeUpdate("delete from target_staging");
        }
    }

    private static String csvLine(Stored<TargetData> t) {
        TargetData d = t.data();
        StringBuilder line = new StringBuilder(400);
        Sql.csvField(line, d.uscc());
        Sql.csvField(line, t.version());
        Sql.csvField(line, d.regionCode());
        Sql.csvField(line, d.name());
        Sql.csvField(line, d.address());
        Sql.csvField(line, d.township());
        Sql.csvField(line, d.industry());
        Sql.csvField(line, d.projectStatus());
        Sql.csvField(line, Sql.arrayLiteral(d.pollutantTypes()));
        Sql.csvField(line, d.scale());
        Sql.csvField(line, d.productionCycle());
        Sql.csvField(line, Sql.arrayLiteral(d.monitoringTypes()));
        Sql.csvField(line, d.permitClass());
        Sql.csvField(line, d.keyDischarger());
        Sql.csvField(line, d.creditRating());
        Sql.csvField(line, d.weatherGrade());
        Sql.csvField(line, d.positiveListFrom());
        Sql.csvField(line, d.positiveListTo());
        Sql.csvField(line, d.operatingStatus());
        Sql.csvField(line, d.usccOverrideReason());
        Sql.csvField(line, Sql.arrayLiteral(d.objectKinds()));
        Sql.csvField(line, t.createdAt());
        Sql.csvField(line, t.updatedAt());
        Sql.csvField(line, t.updatedBy());
        Sql.csvField(line, d.enterpriseType());
        Sql.csvField(line, d.legalRepresentative());
        Sql.csvField(line, d.longitude());
        Sql.csvField(line, d.latitude());
        Sql.csvField(line, d.ultraLowEmission());
        Sql.csvField(line, d.selfAcceptedSince2019());
        Sql.csvField(line, d.ledgerIndustry());
        return line.append('\n').toString();
    }

    private static Boolean bool(ResultSet rs, String column) throws SQLException {
        boolean b = rs.getBoolean(column);
        return rs.wasNull() ? null : b;
    }

    private static Stored<TargetData> read(ResultSet rs) throws SQLException {
        TargetData d = new TargetData(rs.getString("uscc"), rs.getString("region_code"), rs.getString("name"),
                rs.getString("address"), rs.getString("township"), rs.getString("industry"), rs.getString("project_status"),
                Sql.getArray(rs, "pollutant_types", s -> s), rs.getString("scale"), rs.getString("production_cycle"),
                Sql.getArray(rs, "monitoring_types", MonitoringType::valueOf),
                Sql.getEnum(rs, "permit_class", PermitClass.class), rs.getBoolean("key_discharger"),
                Sql.getEnum(rs, "credit_rating", CreditRating.class), Sql.getEnum(rs, "weather_grade", WeatherGrade.class),
                Sql.getDate(rs, "positive_list_from"), Sql.getDate(rs, "positive_list_to"),
                Sql.getEnum(rs, "operating_status", OperatingStatus.class), rs.getString("uscc_override_reason"),
                Sql.getArray(rs, "object_kinds", ObjectKind::valueOf), Sql.getEnum(rs, "enterprise_type", EnterpriseType.class),
                rs.getString("legal_representative"), rs.getBigDecimal("longitude"), rs.getBigDecimal("latitude"),
                bool(rs, "ultra_low_emission"), bool(rs, "self_accepted_since_2019"),
                Sql.getEnum(rs, "ledger_industry", LedgerIndustry.class));
        Instant created = rs.getTimestamp("created_at").toInstant();
        Instant updated = rs.getTimestamp("updated_at").toInstant();
        return new Stored<>(d, rs.getInt("version"), created, updated, rs.getString("updated_by"));
    }
}
