package cn.doublerandom.draw;

import cn.doublerandom.draw.engine.DrawOutcome;
import cn.doublerandom.draw.engine.LedgerRecord;
import cn.doublerandom.draw.engine.PackedIds;
import cn.doublerandom.draw.engine.PublicRandomness;
import cn.doublerandom.draw.engine.Seed;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/**
 * The closed set of things that happen to a draw. Each is recorded by {@link DrawJournal} alone, as its
 * fact rows, its DRAW-1 §5 ledger record and its audit row, in the caller's transaction.
 */
public sealed interface DrawEvent {

    String drawId();

    String authority();

    String quarter();

    /** When it happened (the service clock) and who did it (the caller's signature). */
    Instant at();

    String by();

    /**
     * The pool is frozen and committed (DRAW-1 §4, §5 prepare); {@code snapshot} is the canonical text's bytes,
     * {@code nonSite} the pooled targets that qualify for a non-site check on the draw date, {@code openLeads} those
     * with a lead open on it, {@code approvals} the bureau's approvals of other methods valid on it, {@code salt} the secret of the pool's salted commitment, written in the record
     * ({@code PoolCommitment}).
     */
    record Prepared(String drawId, String authority, String quarter, LedgerRecord.DrawType kind, String filter,
                    List<Long> items, LocalDate drawDate, byte[] snapshot, String poolHash, String nonce, String commit,
                    String replaces, String planJson, long targetCount, String division, boolean joint,
                    PublicRandomness randomness, PackedIds nonSite, PackedIds openLeads, ApprovedMethods approvals, String salt, Instant at, String by)
            implements DrawEvent {
    }

    /**
     * A selected target as written: its position in ticket order, stratum, rank, ticket, team, the method of
     * its visit and the draw's items the visit covers, each by its method.
     */
    record Selected(int position, String uscc, String stratum, int rank, String ticket, List<String> team, boolean relaxed,
                    String method, List<VisitPlan.ItemMethod> visit) {
    }

    /** DRAW-1 ran and staffed every target. */
    record Executed(String drawId, String authority, String quarter, LedgerRecord.DrawType kind, String replaces,
                    String given, String nonce, Seed seed, DrawOutcome.Success outcome, List<Selected> selection,
                    Instant at, String by) implements DrawEvent {
    }

    /** DRAW-1 could not staff every target (§3.5): nothing was selected, the attempt is kept. */
    record Failed(String drawId, String authority, String quarter, String given, String nonce, Seed seed,
                  DrawOutcome.Failure failure, String detailJson, Instant at, String by) implements DrawEvent {
    }

    /** An auditor voided the draw with a reason; the record stays. */
    record Voided(String drawId, String authority, String quarter, String reason, Instant at, String by) implements DrawEvent {
    }

    /** A team member was replaced by the next eligible candidate of the target's sequence. */
    record Substituted(String drawId, String authority, String quarter, String uscc, String replaced, String replacement,
                       List<String> team, String reason, String salt, Instant at, String by) implements DrawEvent {
    }
}
