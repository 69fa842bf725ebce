package cn.doublerandom.draw;

import java.time.Instant;

/**
 * Never run: what a class of the draw package could write beside the journal, for the architecture tests
 * to prove that their rules see it ({@code DrawOwnsItsHistoryTest}).
 */
public final class ForgedHistory {

    private ForgedHistory() {
    }

    /** A void written straight through its entity, with no ledger record and no audit row. */
    static void voidBesideTheJournal(String drawId) {
        DrawVoid.of(new DrawEvent.Voided(drawId, "130000", "2026Q4", "forged", Instant.EPOCH, "nobody")).persist();
    }

    /** A substitution's fact row read through its entity by a class other than the store. */
    static int substitutionsBesideTheStore(String drawId, String uscc) {
        return DrawSubstitution.replacedOf(drawId, uscc).size();
    }
}
