package cn.doublerandom.registry.target;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.util.List;

/**
 * A target's registered state (检查对象名录库 record), checked and normalised: what is stored, what
 * history keeps for every version, and what two versions are compared on.
 */
public record TargetData(
        String uscc,
        String regionCode,
        String name,
        String address,
        String township,
        String industry,
        String projectStatus,
        List<String> pollutantTypes,
        String scale,
        String productionCycle,
        List<MonitoringType> monitoringTypes,
        PermitClass permitClass,
        boolean keyDischarger,
        CreditRating creditRating,
        WeatherGrade weatherGrade,
        LocalDate positiveListFrom,
        LocalDate positiveListTo,
        OperatingStatus operatingStatus,
        String usccOverrideReason,
        List<ObjectKind> objectKinds,
        EnterpriseType enterpriseType,
        String legalRepresentative,
        BigDecimal longitude,
        BigDecimal latitude,
        Boolean ultraLowEmission,
        Boolean selfAcceptedSince2019,
        LedgerIndustry ledgerIndustry) {

    /** Decimal places kept of a coordinate (about 0.1 m), as the column stores them. */
    public static final int COORDINATE_SCALE = 6;

    public TargetData {
        pollutantTypes = pollutantTypes == null ? List.of() : List.copyOf(pollutantTypes);
        monitoringTypes = monitoringTypes == null ? List.of() : List.copyOf(monitoringTypes);
        objectKinds = ObjectKind.ofTarget(objectKinds, permitClass);
        // one scale whatever the source (JSON, a sheet, the column, a history state), so versions compare equal
        longitude = coordinate(longitude);
        latitude = coordinate(latitude);
    }

    /** A target without the inspection ledger's facts (企业类型, 法定代表人, 经纬度, …). */
    public TargetData(String uscc, String regionCode, String name, String address, String township, String industry,
                      String projectStatus, List<String> pollutantTypes, String scale, String productionCycle,
                      List<MonitoringType> monitoringTypes, PermitClass permitClass, boolean keyDischarger,
                      CreditRating creditRating, WeatherGrade weatherGrade, LocalDate positiveListFrom,
                      LocalDate positiveListTo, OperatingStatus operatingStatus, String usccOverrideReason,
                      List<ObjectKind> objectKinds) {
        this(uscc, regionCode, name, address, township, industry, projectStatus, pollutantTypes, scale, productionCycle,
                monitoringTypes, permitClass, keyDischarger, creditRating, weatherGrade, positiveListFrom, positiveListTo,
                operatingStatus, usccOverrideReason, objectKinds, null, null, null, null, null, null, null);
    }

    public static BigDecimal coordinate(BigDecimal degrees) {
        return degrees == null ? null : degrees.setScale(COORDINATE_SCALE, RoundingMode.HALF_UP);
    }

    /** On the positive list (生态环境监督执法正面清单) on {@code day}. */
    public boolean onPositiveListOn(LocalDate day) {
        return onPositiveList(positiveListFrom, positiveListTo, day);
    }

    /** On a positive list entered on {@code from} and left after {@code to} (open when null) on {@code day}. */
    public static boolean onPositiveList(LocalDate from, LocalDate to, LocalDate day) {
        return from != null && !from.isAfter(day) && (to == null || !to.isBefore(day));
    }
}
