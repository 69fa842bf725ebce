package cn.doublerandom.policy;

import cn.doublerandom.registry.target.MonitoringType;

import java.math.BigDecimal;
import java.util.List;

/**
 * The quota policy of a region and year (抽查比例): the quarterly rates of the key and special
 * classes and the yearly general requirement per enforcement officer, for county-level and
 * city-level bureaus; team size (never below 2, 行政处罚法 art. 42); the yearly cap of random
 * inspections per enterprise; which non-site monitoring makes a target checkable by technology; and the
 * internal joint inspections' share (内部联合抽查, at least {@code jointRate} each quarter of the yearly joint
 * random-inspection count and inspected-subject count that the local 双随机、一公开 leading group office
 * sets, {@code jointYearlyInspections} and {@code jointYearlySubjects}, null until a bureau enters them).
 * Defaults are the Shijiazhuang 2022 plan's.
 */
public record PolicyData(
        String regionCode,
        int year,
        BigDecimal countyKeyRate,
        BigDecimal countySpecialRate,
        BigDecimal countyGeneralPerInspector,
        BigDecimal cityKeyRate,
        BigDecimal citySpecialRate,
        BigDecimal cityGeneralPerInspector,
        int teamSize,
        int yearlyCap,
        List<MonitoringType> technologyMonitoring,
        BigDecimal jointRate,
        Integer jointYearlyInspections,
        Integer jointYearlySubjects) {

    /** The Shijiazhuang plan's share of internal joint inspections each quarter: 3%. */
    public static final BigDecimal JOINT_RATE = new BigDecimal("0.03");

    public PolicyData {
        technologyMonitoring = technologyMonitoring == null ? List.of() : List.copyOf(technologyMonitoring);
        // policies stored before the joint share was policy take the plan's
        jointRate = jointRate == null ? JOINT_RATE : jointRate;
    }

    /** The Shijiazhuang plan: county key ≥25%, special ≥50%, general 1:10; city key and special ≥10%. */
    public static PolicyData shijiazhuangDefaults(String regionCode, int year) {
        return new PolicyData(regionCode, year, new BigDecimal("0.25"), new BigDecimal("0.50"), new BigDecimal("10"),
                new BigDecimal("0.10"), new BigDecimal("0.10"), BigDecimal.ZERO, 2, 4,
                List.of(MonitoringType.ONLINE, MonitoringType.SUB_METERING), JOINT_RATE, null, null);
    }
}
