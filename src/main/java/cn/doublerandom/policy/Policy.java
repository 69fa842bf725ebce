package cn.doublerandom.policy;

import cn.doublerandom.registry.history.Stored;
import cn.doublerandom.registry.target.MonitoringType;
import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import io.quarkus.panache.common.Parameters;
import io.quarkus.panache.common.Sort;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.Table;

import java.io.Serializable;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/** A row of {@code policy}: the quota policy of a region and year as stored, with its version. */
@Entity
@Table(name = "policy")
@IdClass(Policy.Key.class)
public class Policy extends PanacheEntityBase {

    /** The primary key (region_code, year). */
    public record Key(String regionCode, int year) implements Serializable {
        public Key() {
            this(null, 0);
        }
    }

    @Id
    @Column(name = "region_code", columnDefinition = "char(6)")
    public String regionCode;

    @Id
    public int year;

    public int version;

    @Column(name = "county_key_rate")
    public BigDecimal countyKeyRate;

    @Column(name = "county_special_rate")
    public BigDecimal countySpecialRate;

    @Column(name = "county_general_per_inspector")
    public BigDecimal countyGeneralPerInspector;

    @Column(name = "city_key_rate")
    public BigDecimal cityKeyRate;

    @Column(name = "city_special_rate")
    public BigDecimal citySpecialRate;

    @Column(name = "city_general_per_inspector")
    public BigDecimal cityGeneralPerInspector;

    @Column(name = "team_size")
    public int teamSize;

    @Column(name = "yearly_cap")
    public int yearlyCap;

    @Column(name = "technology_monitoring")
    public String[] technologyMonitoring;

    @Column(name = "joint_rate")
    public BigDecimal jointRate;

    @Column(name = "joint_yearly_inspections")
    public Integer jointYearlyInspections;

    @Column(name = "joint_yearly_subjects")
    public Integer jointYearlySubjects;

    @Column(name = "created_at")
    public Instant createdAt;

    @Column(name = "updated_at")
    public Instant updatedAt;

    @Column(name = "updated_by")
    public String updatedBy;

    public static Optional<Policy> of(String region, int year) {
        return find("regionCode = :region and year = :year", Parameters.with("region", region).and("year", year))
                .firstResultOptional();
    }

    public static List<Policy> ofRegion(String region) {
        return list("regionCode = :region", Sort.by("year"), Parameters.with("region", region));
    }

    /** Writes a version of a policy: over the stored row, or as a new one. */
    static void write(Stored<PolicyData> s) {
        PolicyData d = s.data();
        Policy p = of(d.regionCode(), d.year()).orElseGet(Policy::new);
        boolean created = p.regionCode == null;
        p.regionCode = d.regionCode();
        p.year = d.year();
        p.version = s.version();
        p.countyKeyRate = d.countyKeyRate();
        p.countySpecialRate = d.countySpecialRate();
        p.countyGeneralPerInspector = d.countyGeneralPerInspector();
        p.cityKeyRate = d.cityKeyRate();
        p.citySpecialRate = d.citySpecialRate();
        p.cityGeneralPerInspector = d.cityGeneralPerInspector();
        p.teamSize = d.teamSize();
        p.yearlyCap = d.yearlyCap();
        p.technologyMonitoring = d.technologyMonitoring().stream().map(Enum::name).toArray(String[]::new);
        p.jointRate = d.jointRate();
        p.jointYearlyInspections = d.jointYearlyInspections();
        p.jointYearlySubjects = d.jointYearlySubjects();
        if (created) {
            p.createdAt = s.createdAt();
        }
        p.updatedAt = s.updatedAt();
        p.updatedBy = s.updatedBy();
        if (created) {
            p.persist();
        }
        p.flush();
    }

    Stored<PolicyData> stored() {
        PolicyData d = new PolicyData(regionCode, year, PolicyService.plain(countyKeyRate),
                PolicyService.plain(countySpecialRate), PolicyService.plain(countyGeneralPerInspector),
                PolicyService.plain(cityKeyRate), PolicyService.plain(citySpecialRate),
                PolicyService.plain(cityGeneralPerInspector), teamSize, yearlyCap,
                Arrays.stream(technologyMonitoring).map(MonitoringType::valueOf).toList(),
                jointRate == null ? null : PolicyService.plain(jointRate), jointYearlyInspections, jointYearlySubjects);
        return new Stored<>(d, version, createdAt, updatedAt, updatedBy);
    }
}
