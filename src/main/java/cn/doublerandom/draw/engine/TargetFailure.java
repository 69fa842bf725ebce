package cn.doublerandom.draw.engine;

/**
 * Why a target could not be given a team (DRAW-1 §3 steps 5 and 6). A candidate refused by more
 * than one rule is counted under each.
 */
public sealed interface TargetFailure permits TargetFailure.TeamShort, TargetFailure.SpecialtyUnfilled {

    String uscc();

    /** One line of English, no line breaks. */
    String describe();

    /**
     * Step 5: the whole sequence over L, with cap relaxation, gave fewer than {@code needed}.
     *
     * @param candidates the certified inspectors walked (all of L)
     * @param recused    candidates refused because recused for the target (R)
     * @param previousTeam candidates refused because on the target's previous team (P)
     * @param atCap      candidates that had reached the cap when met
     */
    record TeamShort(String uscc, int needed, int accepted, int candidates, int recused,
                     int previousTeam, int atCap) implements TargetFailure {
        @Override
        public String describe() {
            return "target " + uscc + " has " + accepted + " of " + needed + " certified members from "
                    + candidates + " candidates: " + recused + " recused, " + previousTeam
                    + " on its previous team, " + atCap + " at the cap";
        }
    }

    /**
     * Step 6: no holder of {@code specialty} was eligible.
     *
     * @param candidates   members holding the specialty (its A lines)
     * @param alreadyOnTeam candidates refused because already on the team
     */
    record SpecialtyUnfilled(String uscc, String specialty, int candidates, int alreadyOnTeam, int recused,
                             int previousTeam) implements TargetFailure {
        @Override
        public String describe() {
            return "target " + uscc + " has no eligible " + specialty + " specialist among " + candidates
                    + " holders: " + alreadyOnTeam + " already on the team, " + recused + " recused, "
                    + previousTeam + " on its previous team";
        }
    }
}
