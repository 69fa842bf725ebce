package cn.doublerandom.draw;

import cn.doublerandom.item.InspectionMethod;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The bureau's approvals of another method (书面检查, a qualified third party) valid on a draw's date for its
 * pooled targets, as the registry stood at prepare. Kept with the draw as text, one approval a line,
 * {@code "<uscc> <item id or *> <method>"} in byte order, so that an execute on a replica that did not prepare
 * plans the same visits.
 */
final class ApprovedMethods {

    static final ApprovedMethods NONE = new ApprovedMethods(List.of());

    private final List<String> lines;
    private final Map<String, Map<String, InspectionMethod>> byTarget = new HashMap<>();

    ApprovedMethods(List<String> lines) {
        this.lines = List.copyOf(lines);
        for (String line : lines) {
            String[] f = line.split(" ");
            if (f.length != 3) {
                throw new IllegalStateException("not an approval line: " + line);
            }
            byTarget.computeIfAbsent(f[0], k -> new HashMap<>()).put(f[1], InspectionMethod.valueOf(f[2]));
        }
    }

    /** The text kept with the draw. */
    String text() {
        return String.join("\n", lines);
    }

    static ApprovedMethods parse(String text) {
        return text == null || text.isEmpty() ? NONE : new ApprovedMethods(List.of(text.split("\n")));
    }

    /** The approved method of each of these items for a target: an approval for the item over one for every item. */
    Map<Long, InspectionMethod> forTarget(String uscc, List<Long> itemIds) {
        Map<String, InspectionMethod> approved = byTarget.get(uscc);
        if (approved == null) {
            return Map.of();
        }
        Map<Long, InspectionMethod> out = new HashMap<>();
        for (Long id : itemIds) {
            InspectionMethod m = approved.getOrDefault(Long.toString(id), approved.get("*"));
            if (m != null) {
                out.put(id, m);
            }
        }
        return out;
    }
}
