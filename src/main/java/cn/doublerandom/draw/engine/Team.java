package cn.doublerandom.draw.engine;

import java.util.ArrayList;
import java.util.List;

/**
 * A target's team (DRAW-1 §3 step 7): certified members in acceptance order, then one
 * specialist per needed specialty in the byte order of the specialties.
 *
 * @param relaxed whether step 4 (cap relaxation) was needed to fill it
 */
public record Team(String uscc, List<String> certified, List<String> specialists, boolean relaxed) {
    public Team {
        certified = List.copyOf(certified);
        specialists = List.copyOf(specialists);
    }

    /** Members in the order the record writes them. */
    public List<String> members() {
        List<String> all = new ArrayList<>(certified.size() + specialists.size());
        all.addAll(certified);
        all.addAll(specialists);
        return List.copyOf(all);
    }
}
