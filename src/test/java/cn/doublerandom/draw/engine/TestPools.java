package cn.doublerandom.draw.engine;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;

/** Deterministic random pools for tests and the benchmark (fixed java.util.Random seeds). */
final class TestPools {
    private TestPools() {
    }

    static String uscc(int i) {
        return String.format("91130100MA%08dX", i);
    }

    static String inspector(int i) {
        return String.format("INS-%05d", i);
    }

    /**
     * A pool of {@code targets} split roughly 20/30/50 over KEY/SPECIAL/GENERAL, with quotas as
     * fractions, {@code inspectors} certified inspectors, a few auxiliary experts, some recusals
     * and previous teams. The builder receives everything in a shuffled order.
     */
    static PoolSnapshot random(long seed, int targets, int inspectors, double quotaFraction,
                               int teamSize, int specialties, double ruleDensity) {
        Random rnd = new Random(seed);
        PoolSnapshot.Builder b = PoolSnapshot.builder();
        List<Runnable> adds = new ArrayList<>();
        int[] perClass = new int[3];
        Stratum[] classes = {Stratum.KEY, Stratum.SPECIAL, Stratum.GENERAL};
        for (int i = 0; i < targets; i++) {
            double x = rnd.nextDouble();
            int c = x < 0.2 ? 0 : x < 0.5 ? 1 : 2;
            perClass[c]++;
            String id = uscc(i);
            adds.add(() -> b.target(classes[c], id));
            if (rnd.nextDouble() < ruleDensity) {
                String code = inspector(rnd.nextInt(Math.max(1, inspectors)));
                adds.add(() -> b.recused(code, id));
            }
            if (rnd.nextDouble() < ruleDensity) {
                for (int k = 0; k < teamSize; k++) {
                    String code = inspector(rnd.nextInt(Math.max(1, inspectors)));
                    adds.add(() -> b.previousTeam(code, id));
                }
            }
        }
        for (int i = 0; i < inspectors; i++) {
            String code = inspector(i);
            adds.add(() -> b.inspector(code));
        }
        for (int s = 0; s < specialties; s++) {
            String specialty = "spec-" + (char) ('a' + s);
            adds.add(() -> b.needs(specialty));
            for (int h = 0; h < 4; h++) {
                String code = rnd.nextBoolean() && inspectors > 0
                        ? inspector(rnd.nextInt(inspectors)) : "AUX-" + s + "-" + h;
                adds.add(() -> b.specialist(code, specialty));
            }
        }
        Collections.shuffle(adds, rnd);
        adds.forEach(Runnable::run);
        b.quota(Stratum.KEY, (int) Math.ceil(perClass[0] * Math.min(1.0, quotaFraction * 2)));
        b.quota(Stratum.SPECIAL, (int) Math.ceil(perClass[1] * quotaFraction));
        b.quota(Stratum.GENERAL, (int) Math.ceil(perClass[2] * quotaFraction / 2));
        b.teamSize(teamSize);
        return b.build();
    }
}
