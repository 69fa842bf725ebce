package cn.doublerandom.draw.engine;

import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.util.Random;

/**
 * Plain benchmark (not a test): {@code mvn -q test-compile exec:java}. Pools of 5,000/40,
 * 50,000/400 and 1,000,000/4,000; classes ~20/30/50 % KEY/SPECIAL/GENERAL, quotas 25/10/5 %,
 * team of 2 plus one specialist, 5 % recusals and 10 % previous teams.
 */
public final class Draw1Benchmark {
    private Draw1Benchmark() {
    }

    public static void main(String[] args) {
        System.out.printf("JVM %s, %d cpus, max heap %d MB%n", System.getProperty("java.version"),
                Runtime.getRuntime().availableProcessors(), Runtime.getRuntime().maxMemory() >> 20);
        PoolSnapshot warm = pool(5_000, 40, 1);
        for (int i = 0; i < 10; i++) {
            Draw1.run(warm, "warm-up " + i);
        }
        for (int round = 1; round <= 2; round++) {
            System.out.println("-- round " + round);
            run("5,000 / 40", pool(5_000, 40, 2));
            run("50,000 / 400", pool(50_000, 400, 3));
            run("1,000,000 / 4,000", pool(1_000_000, 4_000, 4));
        }
    }

    static PoolSnapshot pool(int targets, int inspectors, long seed) {
        Random rnd = new Random(seed);
        PoolSnapshot.Builder b = PoolSnapshot.builder().teamSize(2).needs("fire-safety");
        int[] perClass = new int[3];
        Stratum[] classes = {Stratum.KEY, Stratum.SPECIAL, Stratum.GENERAL};
        for (int i = 0; i < targets; i++) {
            double x = rnd.nextDouble();
            int c = x < 0.2 ? 0 : x < 0.5 ? 1 : 2;
            perClass[c]++;
            String id = TestPools.uscc(i);
            b.target(classes[c], id);
            if (rnd.nextDouble() < 0.05) {
                b.recused(TestPools.inspector(rnd.nextInt(inspectors)), id);
            }
            if (rnd.nextDouble() < 0.10) {
                b.previousTeam(TestPools.inspector(rnd.nextInt(inspectors)), id);
                b.previousTeam(TestPools.inspector(rnd.nextInt(inspectors)), id);
            }
        }
        for (int i = 0; i < inspectors; i++) {
            b.inspector(TestPools.inspector(i));
        }
        for (int i = 0; i < Math.max(4, inspectors / 20); i++) {
            b.specialist("AUX-" + i, "fire-safety");
        }
        b.quota(Stratum.KEY, perClass[0] / 4).quota(Stratum.SPECIAL, perClass[1] / 10)
                .quota(Stratum.GENERAL, perClass[2] / 20);
        return b.build();
    }

    static void run(String label, PoolSnapshot snapshot) {
        Seed seed = Seed.combine("3 5 6", "00112233445566778899aabbccddeeff");
        gc();
        long base = usedHeap();
        resetPeaks();
        long t0 = System.nanoTime();
        String hash = snapshot.poolHash();
        long t1 = System.nanoTime();
        Draw1.Selection selection = Draw1.select(snapshot, seed);
        long t2 = System.nanoTime();
        DrawOutcome outcome = Draw1.assignTeams(snapshot, seed, selection);
        long t3 = System.nanoTime();
        long peak = peakHeap();
        gc();
        long after = usedHeap();
        int relaxed = outcome instanceof DrawOutcome.Success ok ? ok.relaxed().size() : -1;
        System.out.printf("%-18s targets %,d selected %,d (%s, relaxed %d)%n", label, snapshot.targetCount(),
                selection.ordered().size(), outcome.getClass().getSimpleName(), relaxed);
        System.out.printf("  poolHash %8.1f ms | tickets+selection %8.1f ms | teams %8.1f ms | draw total %8.1f ms%n",
                ms(t0, t1), ms(t1, t2), ms(t2, t3), ms(t1, t3));
        System.out.printf("  heap: snapshot held %,d MB; peak during draw %,d MB; retained after draw (GC) %,d MB%n",
                base >> 20, peak >> 20, (after - base) >> 20);
        if (hash.length() != 64) {
            throw new AssertionError();
        }
    }

    private static double ms(long a, long b) {
        return (b - a) / 1e6;
    }

    private static void gc() {
        for (int i = 0; i < 3; i++) {
            System.gc();
        }
    }

    private static long usedHeap() {
        return ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
    }

    private static void resetPeaks() {
        for (MemoryPoolMXBean p : ManagementFactory.getMemoryPoolMXBeans()) {
            p.resetPeakUsage();
        }
    }

    private static long peakHeap() {
        long sum = 0;
        for (MemoryPoolMXBean p : ManagementFactory.getMemoryPoolMXBeans()) {
            if (p.getType() == MemoryType.HEAP) {
                sum += p.getPeakUsage().getUsed();
            }
        }
        return sum;
    }
}
