package cn.doublerandom.draw;

import org.eclipse.microprofile.openapi.annotations.media.Schema;
import cn.doublerandom.draw.engine.Draw1;
import cn.doublerandom.draw.engine.DrawOutcome;
import cn.doublerandom.draw.engine.PoolSnapshot;
import cn.doublerandom.draw.engine.Seed;
import cn.doublerandom.draw.engine.SelectedTarget;
import cn.doublerandom.draw.engine.Team;
import cn.doublerandom.draw.engine.Sha256;
import cn.doublerandom.draw.ledger.Ledger;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;
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

    @Inject
    DrawStore store;

    @Inject
    DrawViews views;

    /**
     * The answer of a replay: every check, and each difference found. {@code itemsApply}: each pooled target
     * carries a kind (K line) that an item of the draw inspects (E line); true of a snapshot without E lines.
     */
    public record Replay(String drawId, boolean matches, boolean poolHashMatches, boolean commitMatches,
                         boolean seedMatches, boolean resultMatches, boolean ledgerMatches, boolean servedMatches,
                         boolean itemsApply, List<String> differences) {
    }

    public Replay replay(String id) {
        DrawStore.DrawRow d = draws.row(id);
        List<String> differences = new ArrayList<>();
        boolean pool = Sha256.hex(d.snapshot()).equals(d.poolHash());
        if (!pool) {
            differences.add("poolHash " + d.poolHash() + " is not the SHA-256 of the stored snapshot " + Sha256.hex(d.snapshot()));
        }
        boolean commit = Seed.verifyCommit(d.nonce(), d.commit());
        if (!commit) {
            differences.add("commit " + d.commit() + " is not the SHA-256 of the nonce");
        }
        PoolSnapshot snapshot = PoolSnapshot.parse(d.snapshot());
        List<String> noItem = snapshot.targetsNoItemAppliesTo();
        boolean itemsApply = noItem.isEmpty();
        noItem.stream().limit(20).forEach(u -> differences.add("pooled target " + u + " carries no kind an item of the draw inspects"));
        if (d.seed() == null) {
            differences.add("draw " + id + " was never executed: there is no result to replay");
            boolean served = servedMatches(id, null, differences);
            return new Replay(id, false, pool, commit, false, false, false, served, itemsApply, differences);
        }
        String expectedSeed = Seed.combine(d.given(), d.nonce()).value();
        boolean seed = expectedSeed.equals(d.seed());
        if (!seed) {
            differences.add("stored seed differs from given + \"|\" + nonce");
        }
        DrawOutcome outcome = Draw1.run(snapshot, d.seed());
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
        // a draw whose quotas the quarter's earlier draws used up selects nobody: no result lines at all
        String resultLines = replayed.isEmpty() ? "" : String.join("\n", replayed) + "\n";
        boolean onLedger = ledger.ofDraw(id).stream().filter(e -> e.kind().equals("execute"))
                .anyMatch(e -> e.text().contains("\nseed " + d.seed() + "\n" + resultLines + "at "));
        if (!onLedger) {
            differences.add("the ledger's execute record does not carry the replayed result");
        }
        boolean served = servedMatches(id, outcome instanceof DrawOutcome.Success s ? s : null, differences);
        return new Replay(id, pool && commit && seed && result && onLedger && served && itemsApply, pool, commit, seed, result,
                onLedger, served, itemsApply, differences);
    }

    /**
     * Whether what the service serves of the draw is what the ledger and the replay say: its status
     * (executed, failed, voided) against the ledger's records, each selected row (position, stratum,
     * rank, ticket, team, relaxed) against the replayed outcome, and each team in force against the
     * last {@code substitute} record of its target.
     */
    private boolean servedMatches(String id, DrawOutcome.Success replayed, List<String> differences) {
        int before = differences.size();
        List<Ledger.Entry> records = ledger.ofDraw(id);
        DrawState state = store.state(id).orElseThrow();
        boolean voidRecord = records.stream().anyMatch(e -> e.kind().equals("void"));
        boolean executeRecord = records.stream().anyMatch(e -> e.kind().equals("execute"));
        boolean failRecord = records.stream().anyMatch(e -> e.kind().equals("fail"));
        if (voidRecord != state.voided()) {
            differences.add("the ledger " + (voidRecord ? "voids" : "does not void") + " the draw, the service serves it as "
                    + state.status());
        }
        if (executeRecord != state.executed()) {
            differences.add("the ledger " + (executeRecord ? "has" : "has no") + " execute record, the service serves it as "
                    + (state.executed() ? "executed" : "not executed"));
        }
        if (failRecord != (state.failure() != null)) {
            differences.add("the ledger " + (failRecord ? "has" : "has no") + " fail record, the service "
                    + (state.failure() != null ? "serves a failure" : "serves none"));
        }
        List<DrawStore.SelectionRow> rows = store.selection(id);
        List<SelectedTarget> targets = replayed == null ? List.of() : replayed.targets();
        if (rows.size() != targets.size()) {
            differences.add("the service serves " + rows.size() + " selected targets, the replay selects " + targets.size());
        }
        Map<String, List<String>> teamsInForce = new HashMap<>();
        for (int i = 0; i < Math.min(rows.size(), targets.size()); i++) {
            DrawStore.SelectionRow row = rows.get(i);
            SelectedTarget t = targets.get(i);
            Team team = replayed.teams().get(i);
            teamsInForce.put(t.uscc(), team.members());
            if (row.position() != i + 1 || !row.uscc().equals(t.uscc()) || !row.stratum().equals(t.stratum().name())
                    || row.rank() != t.rank() || !row.ticket().equals(t.ticket()) || !row.drawnTeam().equals(team.members())
                    || row.relaxed() != team.relaxed()) {
                differences.add("served selection row " + row.position() + " (" + row.uscc() + " " + row.stratum() + " rank "
                        + row.rank() + " team " + row.drawnTeam() + ") differs from the replay's (" + t.uscc() + " "
                        + t.stratum() + " rank " + t.rank() + " team " + team.members() + ")");
            }
        }
        for (Ledger.Entry e : records) {
            if (e.kind().equals("substitute")) {
                for (String line : e.text().split("\n")) {
                    if (line.startsWith("team ")) {
                        String[] parts = line.split(" ");
                        teamsInForce.put(parts[1], List.of(parts[2].split(",")));
                    }
                }
            }
        }
        for (DrawStore.SelectionRow row : rows) {
            List<String> expected = teamsInForce.get(row.uscc());
            if (expected != null && !expected.equals(row.team())) {
                differences.add("the team served for " + row.uscc() + " is " + row.team() + ", the ledger's is " + expected);
            }
        }
        return differences.size() == before;
    }

    /** The chain's walk and the served facts' agreement with it. */
    public record LedgerVerification(long records, String headHash, boolean intact, Long firstBrokenSeq, String reason,
                                     boolean factsMatch, List<String> factDifferences) {
    }

    /**
     * Walks the whole chain, then checks that what the service serves of every draw (its status, its
     * selection's size, its substitutions) is what the ledger records: a fact row removed or added
     * behind the service's back shows here even when the chain itself is intact.
     */
    public LedgerVerification verifyLedger() {
        Ledger.Verification chain = ledger.verify();
        List<String> differences = store.factsAgainstLedger(100);
        return new LedgerVerification(chain.records(), chain.headHash(), chain.intact() && differences.isEmpty(),
                chain.firstBrokenSeq(), chain.reason() != null ? chain.reason()
                        : differences.isEmpty() ? null : "the served facts of " + differences.size() + " draw(s) differ from the ledger",
                differences.isEmpty(), differences);
    }

    /** A ledger record with the hash it chains from, so its recordHash can be checked offline. */
    public record ExportedRecord(long seq, @Schema(enumeration = {"prepare", "substitute", "execute", "fail", "void"}) String kind, String prevHash, String hash, String text) {
    }

    /** Everything needed to check a draw offline with sha256sum and the Python replay. */
    public record Export(String drawId, String authority, String quarter, @Schema(enumeration = {"UNDIRECTED", "DIRECTED"}) String kind, String filter, List<Long> items,
                         LocalDate drawDate, String algorithm, String snapshot, String poolHash, String nonce, String commit,
                         String given, String seed, DrawPlan plan, List<String> result, List<ExportedRecord> ledger) {
    }

    public Export export(String id) {
        DrawStore.DrawRow d = draws.row(id);
        boolean revealed = d.seed() != null || store.state(id).orElseThrow().status() != DrawStatus.PREPARED;
        List<ExportedRecord> records = new ArrayList<>();
        List<Ledger.Entry> all = ledger.ofDraw(id);
        for (Ledger.Entry e : all) {
            records.add(new ExportedRecord(e.seq(), e.kind(), ledger.hashBefore(e.seq()), e.hash(), e.text()));
        }
        return new Export(d.id(), d.authority(), d.quarter(), d.kind(), d.filter(), List.of(d.items()), d.drawDate(),
                "DRAW-1", d.snapshot(), d.poolHash(), revealed ? d.nonce() : null, d.commit(),
                d.given() == null ? null : (d.given().isEmpty() ? "-" : d.given()), d.seed(), views.plan(d.plan()),
                d.result() == null ? List.of() : Arrays.asList(d.result().split("\n")), records);
    }
}
