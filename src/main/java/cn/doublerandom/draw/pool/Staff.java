package cn.doublerandom.draw.pool;

import cn.doublerandom.registry.inspector.Conflict;
import cn.doublerandom.registry.inspector.InspectorData;
import cn.doublerandom.registry.inspector.InspectorStatus;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * The authority's inspectors as a draw sees them on its date (检查人员): who may be one of a team's two
 * certified members, who may join a team for a specialty one of the draw's items needs, and from which
 * targets the members recuse themselves.
 *
 * @param certified  codes of the inspectors of the authority's own region certified on the draw date
 *                   (certificate valid, active, not auxiliary), in registry order
 * @param specialists each on-duty inspector (certified, or auxiliary and active) with a needed specialty
 * @param needed     the specialties the draw's items require, sorted
 * @param recusedBy  by target USCC, the members (certified or specialist) who recuse themselves from it
 */
public record Staff(List<String> certified, List<Specialist> specialists, List<String> needed,
                    Map<String, List<String>> recusedBy) {

    /** An inspector who may join a team for a specialty the draw needs. */
    public record Specialist(String code, String specialty) {
    }

    public Staff {
        certified = List.copyOf(certified);
        specialists = List.copyOf(specialists);
        needed = List.copyOf(needed);
        recusedBy = Map.copyOf(recusedBy);
    }

    /**
     * The staff of a draw of {@code authority} on {@code drawDate}, from its inspectors (others' are
     * ignored: a draw is staffed by its own bureau) and the specialties its items require (nulls ignored).
     */
    public static Staff of(String authority, Collection<InspectorData> inspectors, LocalDate drawDate,
                           Collection<String> requiredSpecialties) {
        TreeSet<String> needed = new TreeSet<>();
        for (String s : requiredSpecialties) {
            if (s != null) {
                needed.add(s);
            }
        }
        List<InspectorData> own = new ArrayList<>();
        for (InspectorData i : inspectors) {
            if (i.regionCode().equals(authority)) {
                own.add(i);
            }
        }
        List<String> certified = new ArrayList<>();
        List<Specialist> specialists = new ArrayList<>();
        Set<String> members = new HashSet<>();
        for (InspectorData i : own) {
            boolean isCertified = certifiedMember(i, drawDate);
            if (isCertified) {
                certified.add(i.code());
                members.add(i.code());
            }
            if (isCertified || auxiliaryOnDuty(i)) {
                for (String s : i.specialties()) {
                    if (needed.contains(s)) {
                        specialists.add(new Specialist(i.code(), s));
                        members.add(i.code());
                    }
                }
            }
        }
        Map<String, List<String>> recusedBy = new HashMap<>();
        for (InspectorData i : own) {
            if (members.contains(i.code())) {
                for (Conflict k : i.conflicts()) {
                    recusedBy.computeIfAbsent(k.uscc(), x -> new ArrayList<>()).add(i.code());
                }
            }
        }
        recusedBy.replaceAll((uscc, codes) -> List.copyOf(codes));
        return new Staff(certified, specialists, List.copyOf(needed), recusedBy);
    }

    /** One of a team's two certified members on {@code day}: certified then, active (not on leave), and not auxiliary. */
    public static boolean certifiedMember(InspectorData i, LocalDate day) {
        return i.certifiedOn(day) && !i.auxiliary();
    }

    /** An auxiliary expert (辅助检查人员) who is active: may join a team for a specialty, never as one of its two. */
    public static boolean auxiliaryOnDuty(InspectorData i) {
        return i.auxiliary() && i.status() == InspectorStatus.ACTIVE;
    }

    /** The enforcement officers the general class's yearly 1:10 requirement is counted on. */
    public long officers() {
        return certified.size();
    }

    /** How many inspectors may join a team for a specialty. */
    public int specialistCount() {
        Set<String> codes = new HashSet<>();
        specialists.forEach(s -> codes.add(s.code()));
        return codes.size();
    }
}
