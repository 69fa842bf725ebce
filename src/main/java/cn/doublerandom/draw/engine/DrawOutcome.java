package cn.doublerandom.draw.engine;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

/** The result of a DRAW-1 run: a {@link Success} or, as a whole, a {@link Failure} (§3 step 5). */
public sealed interface DrawOutcome permits DrawOutcome.Success, DrawOutcome.Failure {

    /** Strata whose pool was smaller than the quota; empty when every quota was met. */
    List<QuotaShortfall> shortfalls();

    /**
     * A completed draw.
     *
     * @param targets all strata merged in ticket order (§3 step 1), each with its rank in its stratum
     * @param teams   one per target, same order
     * @param relaxed USCCs whose team needed cap relaxation, in ticket order
     * @param cap     the cap of §3 step 2
     */
    record Success(List<SelectedTarget> targets, List<Team> teams, List<String> relaxed,
                   List<QuotaShortfall> shortfalls, int cap) implements DrawOutcome {
        public Success {
            targets = List.copyOf(targets);
            teams = List.copyOf(teams);
            relaxed = List.copyOf(relaxed);
            shortfalls = List.copyOf(shortfalls);
        }

        /**
         * The result lines of the execute record (§5), without "\n": every {@code target <class>
         * <uscc> <rank>}, then every {@code team <uscc> <code>,<code>[,…]}, then every {@code
         * relaxed <uscc>}, each group in ticket order.
         */
        public List<String> resultLines() {
            String text = resultText();
            return text.isEmpty() ? new ArrayList<>() : new ArrayList<>(List.of(text.split("\n")));
        }

        /**
         * The result lines joined by "\n" (none after the last), written here once: the execute record's
         * result and the stored result are this one text, built once and without a string per line.
         */
        public String resultText() {
            StringBuilder b = new StringBuilder(targets.size() * 96 + relaxed.size() * 28);
            for (SelectedTarget t : targets) {
                nextLine(b).append("target ").append(t.stratum().name()).append(' ').append(t.uscc()).append(' ').append(t.rank());
            }
            for (Team team : teams) {
                nextLine(b).append("team ").append(team.uscc()).append(' ');
                List<String> members = team.members();
                for (int i = 0; i < members.size(); i++) {
                    (i == 0 ? b : b.append(',')).append(members.get(i));
                }
            }
            for (String uscc : relaxed) {
                nextLine(b).append("relaxed ").append(uscc);
            }
            return b.toString();
        }

        private static StringBuilder nextLine(StringBuilder b) {
            return b.isEmpty() ? b : b.append('\n');
        }
    }

    /**
     * A failed draw: nothing is selected; the attempt goes on the ledger as a {@code fail} record.
     *
     * @param drawReason     a reason for the whole draw (e.g. no certified inspectors), or null
     * @param targetFailures each target that could not be staffed, in ticket order
     */
    record Failure(String drawReason, List<TargetFailure> targetFailures, List<QuotaShortfall> shortfalls)
            implements DrawOutcome {
        public Failure {
            targetFailures = List.copyOf(targetFailures);
            shortfalls = List.copyOf(shortfalls);
        }

        /** A single-line reason for the {@code fail} record. */
        public String reason() {
            if (drawReason != null) {
                return drawReason;
            }
            return targetFailures.stream().map(TargetFailure::describe).collect(Collectors.joining("; "));
        }
    }
}
