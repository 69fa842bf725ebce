package cn.doublerandom.transparency.log;

import cn.doublerandom.draw.engine.Draw1;
import cn.doublerandom.draw.engine.DrawOutcome;
import cn.doublerandom.draw.engine.LedgerRecord;
import cn.doublerandom.draw.engine.PoolCommitment;
import cn.doublerandom.draw.engine.PoolSnapshot;
import cn.doublerandom.draw.engine.Seed;
import cn.doublerandom.draw.engine.Stratum;
import cn.doublerandom.draw.ledger.Ledger;
import cn.doublerandom.transparency.note.SignedNote;
import io.agroal.api.AgroalDataSource;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.Arrays;
import java.util.List;
import java.util.Random;

/**
 * What the transparency log costs, against its goals: the work added to each ledger record and to a
 * county draw's two (append the leaf, store its subtrees, sign and keep a checkpoint), and an inclusion proof in a tree of
 * 10,000,000 leaves, read from a synthetic table of that tree's 20 million complete subtrees (random
 * hashes: the figure is the reads, which do not depend on the values). Prints BENCH lines; not part
 * of ./mvnw verify: {@code ./mvnw test -Dtest=LogBenchmark}.
 */
@QuarkusTest
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class LogBenchmark {

    private static final long LARGE = 10_000_000L;

    @Inject
    AgroalDataSource dataSource;

    @Inject
    TransparencyLog log;

    @Inject
    Ledger ledger;

    @Inject
    CheckpointStore checkpoints;

    @Inject
    LogSigner signer;

    // the appends first: building the synthetic tree leaves PostgreSQL writing and vacuuming for a while
    @Test
    @Order(1)
    void appendAndCheckpointPerRecord() {
        log.catchUp();
        double[] ms = new double[300];
        for (int i = 0; i < ms.length; i++) {
            // the follower's whole work for the next record, rolled back so the tree stays the ledger's
            Ledger.Entry next = new Ledger.Entry(ledger.size() + 1, "D999999999", "prepare",
                    "DRAW-1 prepare\nseq " + (ledger.size() + 1) + "\nbench " + i + "\n", "0".repeat(64), Instant.now());
            QuarkusTransaction.begin();
            long t0 = System.nanoTime();
            try {
                log.appended(next);
                ms[i] = (System.nanoTime() - t0) / 1e6;
            } finally {
                QuarkusTransaction.rollback();
            }
        }
        print("append leaf + subtrees + signed checkpoint, per record (tree of " + ledger.size() + ")",
                Arrays.copyOfRange(ms, 50, ms.length), null);
    }

    /**
     * The wording: what the log adds to a county draw. A county draw appends two records, prepare and
     * execute, each in its own request and transaction; the follower's work for both (records of a real county
     * draw: 600 targets, 30 drawn, 40 inspectors) is what the draw carries beyond writing its ledger rows.
     */
    @Test
    @Order(2)
    void appendAndCheckpointPerCountyDraw() {
        log.catchUp();
        PoolSnapshot.Builder pool = PoolSnapshot.builder();
        for (int i = 0; i < 600; i++) {
            pool.target(i < 60 ? Stratum.KEY : Stratum.GENERAL, "91131122MA" + String.format("%08d", i));
        }
        for (int i = 1; i <= 40; i++) {
            pool.inspector("R131122-" + i);
        }
        PoolSnapshot snapshot = pool.quota(Stratum.KEY, 6).quota(Stratum.GENERAL, 24).teamSize(2).build();
        String nonce = Seed.newNonce(new SecureRandom());
        DrawOutcome.Success result = (DrawOutcome.Success) Draw1.run(snapshot, Seed.combine("", nonce));
        int draws = 200;
        double[] perDraw = new double[draws];
        double[] signing = new double[2 * draws];
        for (int i = 0; i < draws; i++) {
            for (int k = 0; k < 2; k++) {
                long seq = ledger.size() + 1;
                LedgerRecord.Header h = new LedgerRecord.Header(seq, "D999999999", "131122", "2026Q4", Instant.now().truncatedTo(ChronoUnit.SECONDS));
                String text = k == 0
                        ? LedgerRecord.prepare(h, LedgerRecord.DrawType.UNDIRECTED, null, List.of("1", "2"), LocalDate.of(2026, 10, 9),
                        snapshot.poolHash(), Seed.commit(nonce), null, null, PoolCommitment.newSalt(new SecureRandom()))
                        : LedgerRecord.execute(h, "", nonce, result);
                Ledger.Entry next = new Ledger.Entry(seq, "D999999999", k == 0 ? "prepare" : "execute", text, "0".repeat(64), Instant.now());
                QuarkusTransaction.begin();
                long t0 = System.nanoTime();
                try {
                    log.appended(next);
                    perDraw[i] += (System.nanoTime() - t0) / 1e6;
                } finally {
                    QuarkusTransaction.rollback();
                }
                long s0 = System.nanoTime();
                SignedNote.sign(SignedNote.checkpointText(signer.origin(), seq, new byte[32]), signer.signer());
                signing[2 * i + k] = (System.nanoTime() - s0) / 1e6;
            }
        }
        print("append + signed checkpoint per county draw (prepare and execute records, each in its own transaction; 30 of 600 targets)",
                Arrays.copyOfRange(perDraw, 25, draws), 5.0);
        print("of which signing one checkpoint (" + signer.signer().verifier().text().split("\\+")[0] + ", twice per draw)",
                Arrays.copyOfRange(signing, 50, signing.length), null);
    }

    @Test
    @Order(3)
    void inclusionProofInATreeOfTenMillion() throws SQLException {
        long t0 = System.nanoTime();
        try (Connection c = dataSource.getConnection(); Statement s = c.createStatement()) {
            s.execute("create unlogged table if not exists bench_log_node (level smallint not null, idx bigint not null, hash bytea not null)");
            long have;
            try (ResultSet rs = s.executeQuery("select count(*) from bench_log_node where level = 0")) {
                rs.next();
                have = rs.getLong(1);
            }
            if (have != LARGE) {
                s.execute("truncate bench_log_node");
                s.execute("alter table bench_log_node drop constraint if exists bench_log_node_pkey");
                s.execute("insert into bench_log_node select l, i, sha256(int8send(l::bigint << 40 | i)) from generate_series(0, 23) l "
                        + "cross join lateral generate_series(0::bigint, (" + LARGE + "::bigint >> l) - 1) i");
                s.execute("alter table bench_log_node add primary key (level, idx)");
                // a log that grew to this size over years is vacuumed and on disk, not a bulk load still being written out
                s.execute("vacuum analyze bench_log_node");
                s.execute("checkpoint");
            }
        }
        System.out.printf("BENCH log synthetic tree of %,d leaves ready in %.0f s%n", LARGE, (System.nanoTime() - t0) / 1e9);
        LogProofs proofs = new LogProofs();
        proofs.tree = TreeStore.over(dataSource, "bench_log_node");
        proofs.checkpoints = checkpoints;
        proofs.signer = signer;
        Random random = new Random(20261206L);
        double[] ms = new double[600];
        int length = 0;
        for (int i = 0; i < ms.length; i++) {
            long seq = 1 + (long) (random.nextDouble() * LARGE);
            long start = System.nanoTime();
            LogProofs.Inclusion p = proofs.inclusion(seq, LARGE);
            ms[i] = (System.nanoTime() - start) / 1e6;
            length = p.proof().size();
        }
        print("inclusion proof (" + length + " hashes) + root in a tree of 10,000,000, per proof", Arrays.copyOfRange(ms, 100, ms.length), 10.0);
        double[] cms = new double[300];
        for (int i = 0; i < cms.length; i++) {
            long from = 1 + (long) (random.nextDouble() * (LARGE - 1));
            long start = System.nanoTime();
            proofs.consistency(from, LARGE);
            cms[i] = (System.nanoTime() - start) / 1e6;
        }
        print("consistency proof + both roots in a tree of 10,000,000, per proof", Arrays.copyOfRange(cms, 50, cms.length), null);
    }

    /** A BENCH line: the figures, the goal beside them (met at the median or not), the load average. */
    private static void print(String label, double[] ms, Double goalMs) {
        double[] sorted = ms.clone();
        Arrays.sort(sorted);
        double median = sorted[sorted.length / 2];
        String goal = goalMs == null ? "" : String.format(" goal < %.0f ms: %s at the median", goalMs, median < goalMs ? "met" : "NOT met");
        System.out.printf("BENCH log %s: n=%d median=%.2fms p95=%.2fms max=%.2fms%s; load %s%n", label, sorted.length,
                median, sorted[(int) (sorted.length * 0.95)], sorted[sorted.length - 1], goal, loadAverage());
    }

    private static String loadAverage() {
        try {
            String[] f = Files.readString(Path.of("/proc/loadavg")).split(" ");
            return f[0] + " " + f[1] + " " + f[2] + " on " + Runtime.getRuntime().availableProcessors() + " cores";
        } catch (IOException e) {
            return "unknown";
        }
    }
}
