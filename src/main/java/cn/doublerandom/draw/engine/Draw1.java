package cn.doublerandom.draw.engine;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The DRAW-1 algorithm (§1–§3) over a {@link PoolSnapshot}. {@link #run} is the one entry point;
 * {@link #select} and {@link #assignTeams} are its two phases, public for timing and replay.
 *
 * <p>Decisions where the spec is silent, kept literal otherwise:
 * <ul>
 * <li>A stratum with T lines but no Q line has quota 0 (nothing selected from it).</li>
 * <li>{@code I = 0} fails the draw even when nothing is selected.</li>
 * <li>A failing target does not stop the walk: later targets are still staffed, so the failure
 * names every such target. Members accepted for a failing target still count toward loads.</li>
 * <li>Step 6 is literal: a specialist is "not already on the team", so a certified member who
 * holds the specialty never fills it; the specialist is always an extra member.</li>
 * </ul>
 */
public final class Draw1 {
    private Draw1() {
    }

    /** §1–§2 result: each stratum's selection and all selected targets merged in ticket order. */
    public record Selection(List<StratumSelection> strata, List<SelectedTarget> ordered) {
        public Selection {
            strata = List.copyOf(strata);
            ordered = List.copyOf(ordered);
        }

        public List<QuotaShortfall> shortfalls() {
            List<QuotaShortfall> out = new ArrayList<>();
            for (StratumSelection s : strata) {
                if (s.shortfall() > 0) {
                    out.add(new QuotaShortfall(s.stratum(), s.requested(), s.selected().size()));
                }
            }
            return out;
        }
    }

    /** Runs the whole draw: selection, then teams. */
    public static DrawOutcome run(PoolSnapshot snapshot, String seed) {
        return run(snapshot, Seed.of(seed));
    }

    /** Runs the whole draw: selection, then teams. */
    public static DrawOutcome run(PoolSnapshot snapshot, Seed seed) {
        return assignTeams(snapshot, seed, select(snapshot, seed));
    }

    /** §2 for every stratum that has a Q or a T line, then §3 step 1 (merge in ticket order). */
    public static Selection select(PoolSnapshot snapshot, Seed seed) {
        Tickets tickets = new Tickets(seed);
        Set<Stratum> strata = EnumSet.noneOf(Stratum.class);
        strata.addAll(snapshot.quotas().keySet());
        for (Stratum s : Stratum.values()) {
            if (!snapshot.targets(s).isEmpty()) {
                strata.add(s);
            }
        }
        List<StratumSelection> selections = new ArrayList<>();
        List<SelectedTarget> all = new ArrayList<>();
        for (Stratum s : strata) {
            StratumSelection sel = StratumSelection.select(tickets, s, snapshot.targets(s), snapshot.quota(s));
            selections.add(sel);
            all.addAll(sel.selected());
        }
        // Ticket strings order as the numbers do (§1); ids break ties.
        all.sort((a, b) -> {
            int c = a.ticket().compareTo(b.ticket());
            return c != 0 ? c : Utf8ByteOrder.compare(a.uscc(), b.uscc());
        });
        return new Selection(selections, all);
    }

    /** §3 steps 2–7 for targets already selected and ordered by {@link #select}. */
    public static DrawOutcome assignTeams(PoolSnapshot snapshot, Seed seed, Selection selection) {
        List<QuotaShortfall> shortfalls = selection.shortfalls();
        List<String> l = snapshot.inspectors();
        int n = l.size();
        if (n == 0) {
            return new DrawOutcome.Failure("no certified inspector is active on the draw date (I = 0)",
                    List.of(), shortfalls);
        }
        List<SelectedTarget> targets = selection.ordered();
        int teamSize = snapshot.teamSize();
        long capLong = ((long) teamSize * targets.size() + n - 1) / n;
        int cap = (int) Math.min(Integer.MAX_VALUE, capLong);

        // Only rules about selected targets matter; index just those to keep memory small.
        Set<String> selected = new HashSet<>();
        for (SelectedTarget t : targets) {
            selected.add(t.uscc());
        }
        Map<String, Set<String>> recused = index(snapshot.recusals(), selected);
        Map<String, Set<String>> previous = index(snapshot.previousTeams(), selected);
        Map<String, List<String>> holders = new HashMap<>();
        for (PoolSnapshot.Specialist a : snapshot.specialists()) {
            // A lines are sorted by code, so each list comes out in byte order.
            holders.computeIfAbsent(a.specialty(), x -> new ArrayList<>()).add(a.code());
        }

        TeamAssigner assigner = new TeamAssigner(seed.value(), l, teamSize, cap, snapshot.neededSpecialties(),
                holders, recused, previous);
        List<Team> teams = new ArrayList<>(targets.size());
        List<String> relaxedTargets = new ArrayList<>();
        List<TargetFailure> failures = new ArrayList<>();
        for (SelectedTarget target : targets) {
            Team team = assigner.assign(target.uscc(), failures);
            teams.add(team);
            if (team.relaxed()) {
                relaxedTargets.add(team.uscc());
            }
        }
        if (!failures.isEmpty()) {
            return new DrawOutcome.Failure(null, failures, shortfalls);
        }
        return new DrawOutcome.Success(targets, teams, relaxedTargets, shortfalls, cap);
    }

    /** §3 steps 3–7 for one target at a time; one small method per target keeps the JIT effective. */
    private static final class TeamAssigner {
        private final String s;
        private final List<String> l;
        private final int teamSize;
        private final int cap;
        private final List<String> specialties;
        private final Map<String, List<String>> holders;
        private final Map<String, Set<String>> recused;
        private final Map<String, Set<String>> previous;
        private final int[] load;
        private final java.security.MessageDigest digest = Sha256.newDigest();

        TeamAssigner(String s, List<String> l, int teamSize, int cap, List<String> specialties,
                     Map<String, List<String>> holders, Map<String, Set<String>> recused,
                     Map<String, Set<String>> previous) {
            this.s = s;
            this.l = l;
            this.teamSize = teamSize;
            this.cap = cap;
            this.specialties = specialties;
            this.holders = holders;
            this.recused = recused;
            this.previous = previous;
            this.load = new int[l.size()];
        }

        Team assign(String t, List<TargetFailure> failures) {
            Set<String> r = recused.getOrDefault(t, Set.of());
            Set<String> p = previous.getOrDefault(t, Set.of());
            int n = l.size();

            // Step 3: accept eligible candidates under the cap, in sequence order.
            List<String> certified = new ArrayList<>(teamSize);
            List<Integer> capOnly = new ArrayList<>();
            int nRecused = 0;
            int nPrevious = 0;
            int nCap = 0;
            RivestSequence seq = new RivestSequence(s + "/" + t, n, digest);
            while (certified.size() < teamSize && seq.hasNext()) {
                int i = seq.nextInt() - 1;
                String code = l.get(i);
                boolean isRecused = r.contains(code);
                boolean isPrevious = p.contains(code);
                boolean isFull = load[i] >= cap;
                nRecused += isRecused ? 1 : 0;
                nPrevious += isPrevious ? 1 : 0;
                nCap += isFull ? 1 : 0;
                if (!isRecused && !isPrevious) {
                    if (!isFull) {
                        certified.add(code);
                        load[i]++;
                    } else {
                        capOnly.add(i);
                    }
                }
            }
            // Step 4: the sequence ended short; take those refused only for the cap.
            boolean relaxed = false;
            for (int k = 0; k < capOnly.size() && certified.size() < teamSize; k++) {
                int i = capOnly.get(k);
                certified.add(l.get(i));
                load[i]++;
                relaxed = true;
            }
            if (certified.size() < teamSize) {
                failures.add(new TargetFailure.TeamShort(t, teamSize, certified.size(), n, nRecused,
                        nPrevious, nCap));
            }

            // Step 6: one extra member per needed specialty; no cap, no load.
            List<String> specialists = new ArrayList<>(specialties.size());
            for (String specialty : specialties) {
                String found = specialist(t, specialty, certified, specialists, r, p, failures);
                if (found != null) {
                    specialists.add(found);
                }
            }
            return new Team(t, certified, specialists, relaxed);
        }

        private String specialist(String t, String specialty, List<String> certified, List<String> specialists,
                                  Set<String> r, Set<String> p, List<TargetFailure> failures) {
            List<String> codes = holders.getOrDefault(specialty, List.of());
            int nOnTeam = 0;
            int nRecused = 0;
            int nPrevious = 0;
            if (!codes.isEmpty()) {
                RivestSequence seq = new RivestSequence(s + "/" + t + "/" + specialty, codes.size(), digest);
                while (seq.hasNext()) {
                    String code = codes.get(seq.nextInt() - 1);
                    boolean onTeam = certified.contains(code) || specialists.contains(code);
                    boolean isRecused = r.contains(code);
                    boolean isPrevious = p.contains(code);
                    nOnTeam += onTeam ? 1 : 0;
                    nRecused += isRecused ? 1 : 0;
                    nPrevious += isPrevious ? 1 : 0;
                    if (!onTeam && !isRecused && !isPrevious) {
                        return code;
                    }
                }
            }
            failures.add(new TargetFailure.SpecialtyUnfilled(t, specialty, codes.size(), nOnTeam, nRecused,
                    nPrevious));
            return null;
        }
    }

    private static Map<String, Set<String>> index(List<PoolSnapshot.CodeForTarget> lines, Set<String> selected) {
        Map<String, Set<String>> byTarget = new HashMap<>();
        for (PoolSnapshot.CodeForTarget line : lines) {
            if (selected.contains(line.uscc())) {
                byTarget.computeIfAbsent(line.uscc(), x -> new HashSet<>()).add(line.code());
            }
        }
        return byTarget;
    }
}
