package cn.doublerandom.draw.engine;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * After a draw, a team member who falls ill or declares a late conflict is replaced by the next
 * eligible candidate of the target's own sequence (§3): the same walk that chose the team, so the
 * replacement is as little chosen by hand as the team was. A certified member is replaced from
 * {@code L} with {@code U = S + "/" + t}; a specialist from the holders of the specialty he filled
 * with {@code U = S + "/" + t + "/" + specialty}. Eligible: not on the current team, not the member
 * replaced, not recused for t, not on t's previous team. The cap does not apply.
 */
public final class Substitution {

    private Substitution() {
    }

    /**
     * @param team     the target's team in force, certified members first
     * @param replaced the member leaving it
     * @param declined members who may no longer serve t (the one replaced, and anyone who declared a late conflict)
     */
    public static Optional<String> next(PoolSnapshot snapshot, String seed, String uscc, List<String> team, String replaced,
                                        Set<String> declined) {
        Set<String> refused = new HashSet<>(team);
        refused.addAll(declined);
        refused.add(replaced);
        for (PoolSnapshot.CodeForTarget r : snapshot.recusals()) {
            if (r.uscc().equals(uscc)) {
                refused.add(r.code());
            }
        }
        for (PoolSnapshot.CodeForTarget p : snapshot.previousTeams()) {
            if (p.uscc().equals(uscc)) {
                refused.add(p.code());
            }
        }
        List<String> certified = snapshot.inspectors();
        if (certified.contains(replaced)) {
            return walk(certified, seed + "/" + uscc, refused);
        }
        for (String specialty : snapshot.neededSpecialties()) {
            List<String> holders = new ArrayList<>();
            for (PoolSnapshot.Specialist s : snapshot.specialists()) {
                if (s.specialty().equals(specialty)) {
                    holders.add(s.code());
                }
            }
            holders.sort(Utf8ByteOrder.COMPARATOR);
            if (holders.contains(replaced)) {
                return walk(holders, seed + "/" + uscc + "/" + specialty, refused);
            }
        }
        throw new IllegalArgumentException(replaced + " is neither a certified inspector nor a specialist of this draw");
    }

    private static Optional<String> walk(List<String> list, String u, Set<String> refused) {
        RivestSequence sequence = new RivestSequence(u, list.size());
        while (sequence.hasNext()) {
            String code = list.get(sequence.nextInt() - 1);
            if (!refused.contains(code)) {
                return Optional.of(code);
            }
        }
        return Optional.empty();
    }
}
