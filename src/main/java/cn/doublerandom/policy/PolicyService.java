package cn.doublerandom.policy;

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
import cn.doublerandom.registry.target.MonitoringType;
import cn.doublerandom.security.Caller;
import cn.doublerandom.security.RegionScope;
import io.agroal.api.AgroalDataSource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Quota policies per region and year, edited by administrators, with history. */
@ApplicationScoped
public class PolicyService {

    private static final String COLUMNS = """
            region_code, year, version, county_key_rate, county_special_rate, county_general_per_inspector, city_key_rate,
            city_special_rate, city_general_per_inspector, team_size, yearly_cap, technology_monitoring, created_at,
            updated_at, updated_by""";

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

    /** The policy in force for an authority: its own, else its city's, else its province's. */
    public Optional<Stored<PolicyData>> effective(String authority, int year) {
        for (Region r = regions.find(authority); r != null; r = regions.find(r.parentCode())) {
            Optional<Stored<PolicyData>> p = find(r.code(), year);
            if (p.isPresent()) {
                return p;
            }
        }
        return Optional.empty();
    }

    public Optional<Stored<PolicyData>> find(String region, int year) {
        return query("region_code = ? and year = ?", region, year).stream().findFirst();
    }

    public List<Stored<PolicyData>> list(String region) {
        return query("region_code = ? order by year", region);
    }

    @Transactional
    public ChangeSet.Outcome<PolicyData> put(String region, int year, PolicyInput in, Integer expectedVersion) {
        regions.require("region", region);
        scope.requireAdminister(region);
        PolicyData data = check(region, year, in);
        Optional<Stored<PolicyData>> before = find(region, year);
        RegistryHistory.requireVersion(RegistryEntity.POLICY, region + "/" + year, before.map(Stored::version).orElse(0),
                expectedVersion);
        return write(data, in.changeReason(), before.orElse(null), caller.signature(), true);
    }

    /** Seeds a policy as the system (demo data). */
    @Transactional
    public void loadReference(PolicyData data, String by) {
        if (find(data.regionCode(), data.year()).isEmpty()) {
            write(data, "reference policy", null, by, false);
        }
    }

    private ChangeSet.Outcome<PolicyData> write(PolicyData data, String reason, Stored<PolicyData> before, String by,
                                                boolean checkScope) {
        String key = data.regionCode() + "/" + data.year();
        Map<String, Stored<PolicyData>> existing = before == null ? Map.of() : Map.of(key, before);
        ChangeSet<PolicyData> changes = ChangeSet.plan(RegistryEntity.POLICY, List.of(data), existing, d -> key,
                PolicyData::regionCode, checkScope ? scope::requireAdminister : r -> { }, false, reason, clock.now(), by);
        try (Connection c = dataSource.getConnection()) {
            for (Stored<PolicyData> s : changes.written()) {
                try (PreparedStatement ps = c.prepareStatement("insert into policy (" + COLUMNS
                        + ") values (?,?,?,?,?,?,?,?,?,?,?,?,?,?,?) on conflict (region_code, year) do update set "
                        + "version = excluded.version, county_key_rate = excluded.county_key_rate, "
                        + "county_special_rate = excluded.county_special_rate, "
                        + "county_general_per_inspector = excluded.county_general_per_inspector, "
                        + "city_key_rate = excluded.city_key_rate, city_special_rate = excluded.city_special_rate, "
                        + "city_general_per_inspector = excluded.city_general_per_inspector, team_size = excluded.team_size, "
                        + "yearly_cap = excluded.yearly_cap, technology_monitoring = excluded.technology_monitoring, "
                        + "updated_at = excluded.updated_at, updated_by = excluded.updated_by")) {
                    PolicyData d = s.data();
                    int i = 1;
                    ps.setString(i++, d.regionCode());
                    ps.setInt(i++, d.year());
                    ps.setInt(i++, s.version());
                    ps.setBigDecimal(i++, d.countyKeyRate());
                    ps.setBigDecimal(i++, d.countySpecialRate());
                    ps.setBigDecimal(i++, d.countyGeneralPerInspector());
                    ps.setBigDecimal(i++, d.cityKeyRate());
                    ps.setBigDecimal(i++, d.citySpecialRate());
                    ps.setBigDecimal(i++, d.cityGeneralPerInspector());
                    ps.setInt(i++, d.teamSize());
                    ps.setInt(i++, d.yearlyCap());
                    ps.setArray(i++, Sql.textArray(c, d.technologyMonitoring()));
                    ps.setTimestamp(i++, Timestamp.from(s.createdAt()));
                    ps.setTimestamp(i++, Timestamp.from(s.updatedAt()));
                    ps.setString(i, s.updatedBy());
                    ps.executeUpdate();
                }
            }
            history.append(c, changes.versions());
            if (checkScope) {
                audit.record("PUT", "POLICY", data.regionCode() + "/" + data.year(), data.regionCode(), reason);
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
        return changes.outcome();
    }

    static PolicyData check(String region, int year, PolicyInput in) {
        PolicyData d = PolicyData.shijiazhuangDefaults(region, year);
        FieldRules f = new FieldRules();
        if (year < 2000 || year > 2100) {
            f.fail("year", Integer.toString(year), "must be between 2000 and 2100");
        }
        BigDecimal countyKey = rate(f, "countyKeyRate", in.countyKeyRate(), d.countyKeyRate());
        BigDecimal countySpecial = rate(f, "countySpecialRate", in.countySpecialRate(), d.countySpecialRate());
        BigDecimal cityKey = rate(f, "cityKeyRate", in.cityKeyRate(), d.cityKeyRate());
        BigDecimal citySpecial = rate(f, "citySpecialRate", in.citySpecialRate(), d.citySpecialRate());
        BigDecimal countyGeneral = perInspector(f, "countyGeneralPerInspector", in.countyGeneralPerInspector(), d.countyGeneralPerInspector());
        BigDecimal cityGeneral = perInspector(f, "cityGeneralPerInspector", in.cityGeneralPerInspector(), d.cityGeneralPerInspector());
        int teamSize = in.teamSize() == null ? d.teamSize() : in.teamSize();
        if (teamSize < 2 || teamSize > 10) {
            f.fail("teamSize", Integer.toString(teamSize), "must be between 2 and 10: a check needs at least two certified inspectors");
        }
        int cap = in.yearlyCap() == null ? d.yearlyCap() : in.yearlyCap();
        if (cap < 1 || cap > 52) {
            f.fail("yearlyCap", Integer.toString(cap), "must be between 1 and 52 random inspections per enterprise a year");
        }
        List<MonitoringType> technology = d.technologyMonitoring();
        if (in.technologyMonitoring() != null) {
            if (in.technologyMonitoring().stream().anyMatch(java.util.Objects::isNull)) {
                f.fail("technologyMonitoring", null, "must list ONLINE, SUB_METERING or VIDEO");
            } else {
                technology = in.technologyMonitoring().stream().distinct().sorted().toList();
            }
        }
        f.text("changeReason", in.changeReason(), 500, false);
        if (!f.ok()) {
            throw new ProblemException(ProblemType.VALIDATION_FAILED, f.problems().get(0).field() + ": "
                    + f.problems().get(0).message(), f.problems());
        }
        return new PolicyData(region, year, countyKey, countySpecial, countyGeneral, cityKey, citySpecial, cityGeneral,
                teamSize, cap, technology);
    }

    /** 0.250000 and 0.25 are one rate; 10.000 is 10, not 1E+1. */
    static BigDecimal plain(BigDecimal v) {
        BigDecimal s = v.stripTrailingZeros();
        return s.scale() < 0 ? s.setScale(0) : s;
    }

    private static BigDecimal rate(FieldRules f, String field, BigDecimal value, BigDecimal fallback) {
        BigDecimal v = plain(value == null ? fallback : value);
        if (v.signum() < 0 || v.compareTo(BigDecimal.ONE) > 0 || v.scale() > 6) {
            f.fail(field, v.toPlainString(), "must be a fraction from 0 to 1 with at most 6 decimals (0.25 for 25%)");
        }
        return v;
    }

    private static BigDecimal perInspector(FieldRules f, String field, BigDecimal value, BigDecimal fallback) {
        BigDecimal v = plain(value == null ? fallback : value);
        if (v.signum() < 0 || v.compareTo(new BigDecimal("1000")) > 0 || v.scale() > 3) {
            f.fail(field, v.toPlainString(), "must be from 0 to 1000 targets per officer a year, at most 3 decimals");
        }
        return v;
    }

    private List<Stored<PolicyData>> query(String where, Object... params) {
        try (Connection c = dataSource.getConnection();
             PreparedStatement ps = c.prepareStatement("select " + COLUMNS + " from policy where " + where)) {
            for (int i = 0; i < params.length; i++) {
                ps.setObject(i + 1, params[i]);
            }
            List<Stored<PolicyData>> out = new ArrayList<>();
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    PolicyData d = new PolicyData(rs.getString("region_code"), rs.getInt("year"),
                            plain(rs.getBigDecimal("county_key_rate")),
                            plain(rs.getBigDecimal("county_special_rate")),
                            plain(rs.getBigDecimal("county_general_per_inspector")),
                            plain(rs.getBigDecimal("city_key_rate")),
                            plain(rs.getBigDecimal("city_special_rate")),
                            plain(rs.getBigDecimal("city_general_per_inspector")),
                            rs.getInt("team_size"), rs.getInt("yearly_cap"),
                            Sql.getArray(rs, "technology_monitoring", MonitoringType::valueOf));
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
