package cn.doublerandom.draw.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** DRAW-1 §3 sequence vector (Rivest's sampler). */
class RivestSequenceTest {
    private static final String U = "3546311556112163624615351222";

    @Test
    void firstTenItems() {
        RivestSequence seq = new RivestSequence(U, 876);
        List<Integer> got = new ArrayList<>();
        for (int i = 0; i < 10; i++) {
            got.add(seq.nextInt());
        }
        assertEquals(List.of(740, 180, 264, 789, 238, 448, 272, 611, 761, 208), got);
    }

    @Test
    void count32Yields611AgainAndIsSkipped() {
        assertEquals(611, RivestSequence.candidate(U, 32, 876));
        assertEquals(611, RivestSequence.candidate(U, 8, 876));
        RivestSequence seq = new RivestSequence(U, 876);
        for (int i = 0; i < 31; i++) {
            int item = seq.nextInt();
            assertTrue(seq.count() == i + 1, "no repeat before count 32");
        }
        int next = seq.nextInt();
        assertEquals(33, seq.count(), "count 32 was skipped");
        assertEquals(RivestSequence.candidate(U, 33, 876), next);
    }

    @Test
    void endsOnceAllItemsAreMet() {
        RivestSequence seq = new RivestSequence("x", 50);
        Set<Integer> seen = new HashSet<>();
        while (seq.hasNext()) {
            assertTrue(seen.add(seq.nextInt()));
        }
        assertEquals(50, seen.size());
        assertTrue(seq.count() >= 50);
    }
}
