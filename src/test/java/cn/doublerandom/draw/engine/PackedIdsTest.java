package cn.doublerandom.draw.engine;

import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Random;
import java.util.TreeSet;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The packed form a snapshot's strata are held in, its sort, and the selection that reads it in parts. */
class PackedIdsTest {

    private static String uscc(Random random) {
        String alphabet = "0123456789ABCDEFGHJKLMNPQRTUWXY";
        StringBuilder b = new StringBuilder("9113");
        for (int i = 0; i < 14; i++) {
            b.append(alphabet.charAt(random.nextInt(alphabet.length())));
        }
        return b.toString();
    }

    @Test
    void sortedUniqueIsTheByteOrderOfTheIdsWithoutDuplicatesHoweverTheyArrive() {
        Random random = new Random(20261124);
        List<String> added = new ArrayList<>();
        PackedIds.Appender appender = PackedIds.appender();
        for (int i = 0; i < 20_000; i++) {
            // a tenth are repeats of an earlier id; lengths from 1 to 32
            String id = i > 0 && random.nextInt(10) == 0 ? added.get(random.nextInt(added.size()))
                    : random.nextInt(5) == 0 ? "A-" + random.nextInt(1000) : uscc(random);
            added.add(id);
            appender.add(id);
        }
        appender.add("-").add("Z".repeat(32));
        added.add("-");
        added.add("Z".repeat(32));
        PackedIds sorted = appender.sortedUnique();
        List<String> expected = new ArrayList<>(new TreeSet<>(added)); // ASCII: String order is byte order
        assertEquals(expected, sorted);
        assertEquals(expected.size(), sorted.size());
        // in order as added, duplicates kept
        assertEquals(added, appender.inOrder());
        // found by binary search, and only what is there
        for (int i = 0; i < 2000; i++) {
            String id = added.get(random.nextInt(added.size()));
            assertEquals(expected.indexOf(id), sorted.indexOf(id), id);
        }
        assertFalse(sorted.contains("9113ZZZZZZZZZZZZZZZ"));
        assertFalse(sorted.contains("9113"));
        assertFalse(sorted.contains(42));
        // ids that arrive in order are kept as they are: sorting the sorted changes nothing
        PackedIds.Appender again = PackedIds.appender();
        sorted.forEach(again::add);
        assertEquals(sorted, again.sortedUnique());
        // appended from another appender, as a pool's parts are merged
        PackedIds.Appender merged = PackedIds.appender().add("0").addAll(again).add("ZZZ");
        assertEquals(sorted.size() + 2, merged.sortedUnique().size());
        assertTrue(PackedIds.EMPTY.isEmpty());
    }

    @Test
    void idsThatAreNotUsccShapedAreRefusedNamingThem() {
        PackedIds.Appender appender = PackedIds.appender();
        for (String bad : new String[] {"", "abc", "A B", "A".repeat(33), "É1", "A\n"}) {
            InvalidSnapshotException e = assertThrows(InvalidSnapshotException.class, () -> appender.add(bad), bad);
            assertTrue(e.getMessage().contains("must match [0-9A-Z-]{1,32}"), e.getMessage());
        }
        byte[] row = "x\t91130102000000001\u00C9".getBytes(StandardCharsets.ISO_8859_1);
        assertThrows(InvalidSnapshotException.class, () -> appender.add(row, 2, 18));
        assertThrows(InvalidSnapshotException.class, () -> appender.add(row, 0, 0));
        assertEquals(0, appender.size(), "nothing refused was added");
        appender.add(row, 2, 17);
        assertEquals(List.of("91130102000000001"), appender.sortedUnique());
    }

    @Test
    void indexSortIsAStableSort() {
        Random random = new Random(7);
        for (int n : new int[] {0, 1, 15, 16, 17, 1000, 33_333}) {
            int[] keys = new int[n];
            int[] a = new int[n];
            for (int i = 0; i < n; i++) {
                keys[i] = random.nextInt(50); // many ties
                a[i] = i;
            }
            IndexSort.sort(a, (x, y) -> Integer.compare(keys[x], keys[y]));
            for (int i = 1; i < n; i++) {
                assertTrue(keys[a[i - 1]] < keys[a[i]] || (keys[a[i - 1]] == keys[a[i]] && a[i - 1] < a[i]), "at " + i + " of " + n);
            }
            assertEquals(n, java.util.Arrays.stream(a).distinct().count());
        }
    }

    @Test
    void aLargePoolReadInPartsSelectsWhatTheFullTicketOrderSelects() {
        Random random = new Random(31);
        PackedIds.Appender appender = PackedIds.appender();
        for (int i = 0; i < 120_000; i++) {
            appender.add(uscc(random));
        }
        PackedIds pool = appender.sortedUnique();
        Tickets tickets = new Tickets("20261124-province");
        for (int k : new int[] {0, 1, 777, 150_000}) {
            StratumSelection selection = StratumSelection.select(tickets, Stratum.GENERAL, pool, k);
            List<String> byTicket = new ArrayList<>(pool);
            Tickets order = new Tickets("20261124-province");
            java.util.Map<String, Long> keys = new java.util.HashMap<>();
            byTicket.forEach(id -> keys.put(id, order.sortKey(id)));
            byTicket.sort(Comparator.<String>comparingLong(keys::get).thenComparing(order::compareAfterKeyTie));
            List<String> expected = byTicket.subList(0, Math.min(k, byTicket.size()));
            assertEquals(expected, selection.selected().stream().map(SelectedTarget::uscc).toList(), "k = " + k);
            assertEquals(pool.size(), selection.poolSize());
            for (int r = 0; r < Math.min(5, expected.size()); r++) {
                assertEquals(r + 1, selection.selected().get(r).rank());
                assertEquals(tickets.ticket(expected.get(r)), selection.selected().get(r).ticket());
            }
        }
    }
}
