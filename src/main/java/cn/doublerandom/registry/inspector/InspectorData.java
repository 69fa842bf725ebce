package cn.doublerandom.registry.inspector;

import java.time.LocalDate;
import java.util.List;

/**
 * An inspector (检查人员名录库 record), checked and normalised. {@code certified} marks who holds an
 * enforcement certificate (执法证) and may be one of a team's two certified members;
 * {@code auxiliary} marks an auxiliary expert (辅助检查人员: monitoring agency staff, experts) who may
 * join a team but never counts toward its two.
 */
public record InspectorData(
        String code,
        String regionCode,
        String name,
        String certificateNo,
        LocalDate certificateExpiry,
        InspectorStatus status,
        boolean certified,
        boolean auxiliary,
        String organisation,
        List<String> specialties,
        List<Conflict> conflicts) {

    public InspectorData {
        specialties = specialties == null ? List.of() : List.copyOf(specialties);
        conflicts = conflicts == null ? List.of() : List.copyOf(conflicts);
    }

    /** May be one of the two certified members of a team on {@code day}. */
    public boolean certifiedOn(LocalDate day) {
        return certified && status == InspectorStatus.ACTIVE && certificateExpiry != null && !certificateExpiry.isBefore(day);
    }
}
