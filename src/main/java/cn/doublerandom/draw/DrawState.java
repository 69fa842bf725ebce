package cn.doublerandom.draw;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/**
 * Where a draw stands, as the draw capability derives it from its append-only fact rows: the one
 * answer to "is this draw executed? voided?" for every capability ({@link DrawFacts}).
 *
 * @param given the caller's part of the seed once executed ("" when none was given)
 * @param replacedBy the draw that replaced this voided one, if any
 */
public record DrawState(String id, String authority, String quarter, String kind, List<Long> items, LocalDate drawDate,
                        DrawStatus status, Instant preparedAt, String preparedBy, String given, Boolean seedGenerated,
                        String seed, Instant executedAt, String failure, String voidReason, Instant voidedAt,
                        String replacedBy) {

    public boolean voided() {
        return status == DrawStatus.VOIDED;
    }

    /** Executed and not voided: its selection stands and its targets are inspected under it. */
    public boolean inForce() {
        return status == DrawStatus.EXECUTED;
    }

    /** Executed at some time, whether or not voided since. */
    public boolean executed() {
        return executedAt != null;
    }
}
