package cn.doublerandom.draw;

import cn.doublerandom.registry.target.MonitoringType;
import cn.doublerandom.registry.target.SupervisionClass;
import cn.doublerandom.registry.target.TargetData;

import java.util.ArrayList;
import java.util.List;

/**
 * The tags that limit a directed draw (定向抽查) for a special campaign. Its canonical text, e.g.
 * {@code class=KEY;industry=纺织业}, is what the prepare record's {@code filter} line carries.
 */
public record DirectedFilter(String industry, String township, String pollutantType, MonitoringType monitoringType,
                             SupervisionClass supervisionClass) {

    public boolean isEmpty() {
        return industry == null && township == null && pollutantType == null && monitoringType == null
                && supervisionClass == null;
    }

    public boolean matches(TargetData t, SupervisionClass cls) {
        return (industry == null || industry.equals(t.industry()))
                && (township == null || township.equals(t.township()))
                && (pollutantType == null || t.pollutantTypes().contains(pollutantType))
                && (monitoringType == null || t.monitoringTypes().contains(monitoringType))
                && (supervisionClass == null || supervisionClass == cls);
    }

    /** Keys in alphabetical order, {@code ;}-separated; no line breaks can occur (the fields are single-line). */
    public String canonical() {
        List<String> parts = new ArrayList<>();
        if (supervisionClass != null) {
            parts.add("class=" + supervisionClass.name());
        }
        if (industry != null) {
            parts.add("industry=" + industry);
        }
        if (monitoringType != null) {
            parts.add("monitoring=" + monitoringType.name());
        }
        if (pollutantType != null) {
            parts.add("pollutant=" + pollutantType);
        }
        if (township != null) {
            parts.add("township=" + township);
        }
        return String.join(";", parts);
    }
}
