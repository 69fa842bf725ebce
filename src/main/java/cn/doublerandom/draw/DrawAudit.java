package cn.doublerandom.draw;

import cn.doublerandom.draw.engine.Draw1;
import cn.doublerandom.draw.engine.DrawOutcome;
import cn.doublerandom.draw.engine.PoolSnapshot;
import cn.doublerandom.draw.engine.Seed;
import cn.doublerandom.draw.engine.Sha256;
import cn.doublerandom.draw.ledger.Ledger;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/** What an auditor does with a stored draw: replay it from its snapshot and seed, or take it offline. */
@ApplicationScoped
public class DrawAudit {

    @Inject
    DrawService draws;

    @Inject
    Ledger ledger;

    /** The answer of a replay: every check, and each difference found. */
    public record Replay(String drawId, boolean matches, boolean poolHashMatches, boolean commitMatches,
                         boolean seedMatches, boolean resultMatches, boolean ledgerMatches, List<String> differences) {
    }

    public Replay replay(String id) {
        DrawService.DrawRow d = draws.row(id);
        List<String> differences = new ArrayList<>();
        boolean pool = Sha256.hex(d.snapshot()).equals(d.poolHash());
        if (!pool) {
            differences.add("poolHash " + d.poolHash() + " is not the SHA-256 of the stored snapshot " + Sha256.hex(d.snapshot()));
        }
        boolean commit = Seed.verifyCommit(d.nonce(), d.commit());
        if (!commit) {
            differences.add("commit " + d.commit() + " is not the SHA-256 of the nonce");
        }
        if (d.seed() == null) {
            differences.add("draw " + id + " was never executed: there is no result to replay");
            return new Replay(id, false, pool, commit, false, false, false, differences);
        }
        String expectedSeed = Seed.combine(d.given(), d.nonce()).value();
        boolean seed = expectedSeed.equals(d.seed());
        if (!seed) {
            differences.add("stored seed differs from given + \"|\" + nonce");
        }
        DrawOutcome outcome = Draw1.run(PoolSnapshot.parse(d.snapshot()), d.seed());
        List<String> replayed = outcome instanceof DrawOutcome.Success s ? s.resultLines() : List.of("fail " + outcome);
        List<String> stored = d.result().isEmpty() ? List.of() : Arrays.asList(d.result().split("\n", -1));
        boolean result = replayed.equals(stored);
        if (!result) {
            Set<String> a = new LinkedHashSet<>(stored);
            Set<String> b = new LinkedHashSet<>(replayed);
            stored.stream().filter(l -> !b.contains(l)).limit(20).forEach(l -> differences.add("stored, not replayed: " + l));
            replayed.stream().filter(l -> !a.contains(l)).limit(20).forEach(l -> differences.add("replayed, not stored: " + l));
            if (a.equals(b)) {
                differences.add("same lines in a different order");
            }
        }
        boolean onLedger = ledger.ofDraw(id).stream().filter(e -> e.kind().equals("execute"))
                .anyMatch(e -> e.text().contains("\nseed " + d.seed() + "\n" + String.join("\n", replayed) + "\nat "));
        if (!onLedger) {
            differences.add("the ledger's execute record does not carry the replayed result");
        }
        return new Replay(id, pool && commit && seed && result && onLedger, pool, commit, seed, result, onLedger, differences);
    }

    /** A ledger record with the hash it chains from, so its recordHash can be checked offline. */
    public record ExportedRecord(long seq, String kind, String prevHash, String hash, String text) {
    }

    /** Everything needed to check a draw offline with sha256sum and the Python replay. */
    public record Export(String drawId, String authority, String quarter, String kind, String filter, List<Long> items,
                         LocalDate drawDate, String algorithm, String snapshot, String poolHash, String nonce, String commit,
                         String given, String seed, DrawPlan plan, List<String> result, List<ExportedRecord> ledger) {
    }

    public Export export(String id) {
        DrawService.DrawRow d = draws.row(id);
        boolean revealed = d.seed() != null || draws.status(id) != DrawStatus.PREPARED;
        List<ExportedRecord> records = new ArrayList<>();
        List<Ledger.Entry> all = ledger.ofDraw(id);
        for (Ledger.Entry e : all) {
            records.add(new ExportedRecord(e.seq(), e.kind(), ledger.hashBefore(e.seq()), e.hash(), e.text()));
        }
        return new Export(d.id(), d.authority(), d.quarter(), d.kind(), d.filter(), List.of(d.items()), d.drawDate(),
                "DRAW-1", d.snapshot(), d.poolHash(), revealed ? d.nonce() : null, d.commit(),
                d.given() == null ? null : (d.given().isEmpty() ? "-" : d.given()), d.seed(), draws.readPlan(d),
                d.result() == null ? List.of() : Arrays.asList(d.result().split("\n")), records);
    }
}
