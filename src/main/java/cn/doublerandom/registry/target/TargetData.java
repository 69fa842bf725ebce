package cn.doublerandom.registry.target;

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
        List<ObjectKind> objectKinds) {

    public TargetData {
        pollutantTypes = pollutantTypes == null ? List.of() : List.copyOf(pollutantTypes);
        monitoringTypes = monitoringTypes == null ? List.of() : List.copyOf(monitoringTypes);
        objectKinds = ObjectKind.ofTarget(objectKinds, permitClass);
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
