package cn.doublerandom.policy;

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
import cn.doublerandom.registry.target.MonitoringType;
import cn.doublerandom.security.Caller;
import cn.doublerandom.security.RegionScope;
import io.agroal.api.AgroalDataSource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Quota policies per region and year, edited by administrators, with history. */
@ApplicationScoped
public class PolicyService {

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
        return Policy.of(region, year).map(Policy::stored);
    }

    public List<Stored<PolicyData>> list(String region) {
        return Policy.ofRegion(region).stream().map(Policy::stored).toList();
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
        changes.written().forEach(Policy::write);
        try (Connection c = dataSource.getConnection()) {
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
        BigDecimal jointRate = rate(f, "jointRate", in.jointRate(), d.jointRate());
        Integer jointInspections = yearlyFigure(f, "jointYearlyInspections", in.jointYearlyInspections());
        Integer jointSubjects = yearlyFigure(f, "jointYearlySubjects", in.jointYearlySubjects());
        f.text("changeReason", in.changeReason(), 500, false);
        if (!f.ok()) {
            throw new ProblemException(ProblemType.VALIDATION_FAILED, f.problems().get(0).field() + ": "
                    + f.problems().get(0).message(), f.problems());
        }
        return new PolicyData(region, year, countyKey, countySpecial, countyGeneral, cityKey, citySpecial, cityGeneral,
                teamSize, cap, technology, jointRate, jointInspections, jointSubjects);
    }

    /** A yearly figure the leading group office sets: absent, or a count from 0 to 10,000,000. */
    private static Integer yearlyFigure(FieldRules f, String field, Integer value) {
        if (value != null && (value < 0 || value > 10_000_000)) {
            f.fail(field, value.toString(), "must be a yearly count from 0 to 10000000, or omitted when not set");
        }
        return value;
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
}
