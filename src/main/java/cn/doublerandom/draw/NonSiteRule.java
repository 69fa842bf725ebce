package cn.doublerandom.draw;

import cn.doublerandom.policy.PolicyData;
import cn.doublerandom.registry.target.MonitoringType;
import cn.doublerandom.registry.target.TargetData;

import java.time.LocalDate;
import java.util.List;

/**
 * Whether a selected target may be checked off site (非现场检查) rather than visited, when every
 * item of the draw allows the technology method: it is on the positive list on the draw date, or it
 * is monitored in every way the policy names (for example online monitoring and sub-metering).
 */
public final class NonSiteRule {

    private NonSiteRule() {
    }

    public static boolean applies(LocalDate positiveListFrom, LocalDate positiveListTo, List<MonitoringType> monitoring,
                                  PolicyData policy, LocalDate drawDate) {
        if (TargetData.onPositiveList(positiveListFrom, positiveListTo, drawDate)) {
            return true;
        }
        List<MonitoringType> named = policy.technologyMonitoring();
        // indexed, not containsAll: a province's pool asks this of every target, and each iterator is garbage
        for (int i = 0; i < named.size(); i++) {
            if (!monitoring.contains(named.get(i))) {
                return false;
            }
        }
        return !named.isEmpty();
    }

    public static boolean applies(TargetData t, PolicyData policy, LocalDate drawDate) {
        return applies(t.positiveListFrom(), t.positiveListTo(), t.monitoringTypes(), policy, drawDate);
    }
}
