package cn.doublerandom.transparency.log;

import cn.doublerandom.draw.ledger.Ledger;
import io.agroal.api.AgroalDataSource;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.Arrays;
import java.util.Random;

/**
 * What the transparency log costs (issue 20's goals): the work added to each ledger record (append
 * the leaf, store its subtrees, sign and keep a checkpoint), and an inclusion proof in a tree of
 * 10,000,000 leaves, read from a synthetic table of that tree's 20 million complete subtrees (random
 * hashes: the figure is the reads, which do not depend on the values). Prints BENCH lines; not part
 * of ./mvnw verify: {@code ./mvnw test -Dtest=LogBenchmark}.
 */
@QuarkusTest
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

    @Test
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
                Arrays.copyOfRange(ms, 50, ms.length));
    }

    @Test
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
                s.execute("analyze bench_log_node");
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
        print("inclusion proof (" + length + " hashes) + root in a tree of 10,000,000, per proof", Arrays.copyOfRange(ms, 100, ms.length));
        double[] cms = new double[300];
        for (int i = 0; i < cms.length; i++) {
            long from = 1 + (long) (random.nextDouble() * (LARGE - 1));
            long start = System.nanoTime();
            proofs.consistency(from, LARGE);
            cms[i] = (System.nanoTime() - start) / 1e6;
        }
        print("consistency proof + both roots in a tree of 10,000,000, per proof", Arrays.copyOfRange(cms, 50, cms.length));
    }

    private static void print(String label, double[] ms) {
        double[] sorted = ms.clone();
        Arrays.sort(sorted);
        System.out.printf("BENCH log %s: n=%d median=%.2fms p95=%.2fms max=%.2fms%n", label, sorted.length,
                sorted[sorted.length / 2], sorted[(int) (sorted.length * 0.95)], sorted[sorted.length - 1]);
    }
}
