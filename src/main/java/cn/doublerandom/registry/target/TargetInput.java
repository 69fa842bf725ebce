package cn.doublerandom.registry.target;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

/**
 * A target as a bureau sends it, as JSON or as a spreadsheet row: unchecked. {@link TargetRules}
 * turns it into a {@link TargetData} or a list of problems.
 */
public record TargetInput(
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
        Boolean keyDischarger,
        CreditRating creditRating,
        WeatherGrade weatherGrade,
        LocalDate positiveListFrom,
        LocalDate positiveListTo,
        OperatingStatus operatingStatus,
        String usccOverrideReason,
        String changeReason,
        List<ObjectKind> objectKinds,
        EnterpriseType enterpriseType,
        String legalRepresentative,
        BigDecimal longitude,
        BigDecimal latitude,
        Boolean ultraLowEmission,
        Boolean selfAcceptedSince2019,
        LedgerIndustry ledgerIndustry) {
}
