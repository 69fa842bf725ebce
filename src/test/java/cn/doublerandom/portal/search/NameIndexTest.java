package cn.doublerandom.portal.search;

import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

/** The name index finds exactly what {@code LIKE '%q%'} finds, newest first, page by page. */
class NameIndexTest {

    private static final int Q3 = 20263;
    private static final int Q4 = 20264;

    private record Doc(long seq, String name, int region, int quarter, int day) {
    }

    private static NameIndex index(List<Doc> docs) {
        NameIndex x = new NameIndex();
        docs.forEach(d -> x.add(d.seq(), d.name(), d.region(), d.quarter(), d.day()));
        return x;
    }

    @Test
    void twoCharacterChineseQueriesFindTheNewestFirst() {
        NameIndex x = index(List.of(
                new Doc(3, "石家庄恒达化工有限公司", 130123, Q3, 100),
                new Doc(7, "正定县恒达建材厂", 130123, Q3, 101),
                new Doc(8, "石家庄华北制药有限公司", 130184, Q3, 102),
                new Doc(12, "藁城区恒大印染有限公司", 130109, Q4, 103)));
        assertArrayEquals(new long[]{7, 3}, x.search("恒达", NameIndex.Conditions.NONE, Long.MAX_VALUE, 10));
        assertArrayEquals(new long[]{12, 8, 3}, x.search("有限公司", NameIndex.Conditions.NONE, Long.MAX_VALUE, 10));
        assertArrayEquals(new long[]{12, 8}, x.search("有限公司", NameIndex.Conditions.NONE, Long.MAX_VALUE, 2));
        // the cursor: older than publication 8
        assertArrayEquals(new long[]{3}, x.search("有限公司", NameIndex.Conditions.NONE, 8, 10));
        // all bigrams present, the whole text nowhere: 恒达 + 达化 ... 印染 is in another name
        assertArrayEquals(new long[0], x.search("恒达印染", NameIndex.Conditions.NONE, Long.MAX_VALUE, 10));
        assertArrayEquals(new long[0], x.search("不存在", NameIndex.Conditions.NONE, Long.MAX_VALUE, 10));
    }

    @Test
    void conditionsNarrowByRegionQuarterAndInspectionDay() {
        NameIndex x = index(List.of(
                new Doc(1, "甲化工", 130123, Q3, 100),
                new Doc(2, "乙化工", 130184, Q3, 101),
                new Doc(3, "丙化工", 130402, Q4, 102),
                new Doc(4, "丁化工", 130123, Q4, 103)));
        var city = new NameIndex.Conditions(130100, 130199, -1, Integer.MIN_VALUE, Integer.MAX_VALUE);
        assertArrayEquals(new long[]{4, 2, 1}, x.search("化工", city, Long.MAX_VALUE, 10));
        var countyQ3 = new NameIndex.Conditions(130123, 130123, Q3, Integer.MIN_VALUE, Integer.MAX_VALUE);
        assertArrayEquals(new long[]{1}, x.search("化工", countyQ3, Long.MAX_VALUE, 10));
        var days = new NameIndex.Conditions(-1, -1, -1, 101, 102);
        assertArrayEquals(new long[]{3, 2}, x.search("化工", days, Long.MAX_VALUE, 10));
    }

    @Test
    void repeatedBigramsAndShortNamesAreHandled() {
        NameIndex x = index(List.of(new Doc(1, "哈哈哈", 130123, Q3, 1), new Doc(2, "哈", 130123, Q3, 1),
                new Doc(3, "", 130123, Q3, 1), new Doc(4, "哈哈", 130123, Q3, 1)));
        assertArrayEquals(new long[]{1}, x.search("哈哈哈", NameIndex.Conditions.NONE, Long.MAX_VALUE, 10));
        assertArrayEquals(new long[]{4, 1}, x.search("哈哈", NameIndex.Conditions.NONE, Long.MAX_VALUE, 10));
        assertThrows(IllegalArgumentException.class, () -> x.search("哈", NameIndex.Conditions.NONE, Long.MAX_VALUE, 10));
        assertThrows(IllegalArgumentException.class, () -> x.add(4, "重复", 130123, Q3, 1));
    }

    @Test
    void anEmptyTrimmedIndexTakesItsFirstName() {
        NameIndex x = new NameIndex();
        x.trim();
        x.add(5, "恒达化工", 130123, Q3, 1);
        assertArrayEquals(new long[]{5}, x.search("化工", NameIndex.Conditions.NONE, Long.MAX_VALUE, 2));
    }

    @Test
    void growsAgainAfterTrimming() {
        NameIndex x = index(List.of(new Doc(1, "恒达化工", 130123, Q3, 1)));
        x.trim();
        for (int i = 2; i < 50; i++) {
            x.add(i, "恒达化工" + i, 130123, Q3, 1);
        }
        assertEquals(49, x.size());
        assertArrayEquals(new long[]{49, 48}, x.search("恒达", NameIndex.Conditions.NONE, Long.MAX_VALUE, 2));
    }

    /** Random names from a small alphabet (many shared bigrams), random conditions, paged to the end. */
    @Property(seed = "20261123", tries = 200)
    void agreesWithAPlainScanPageByPage(@ForAll @IntRange(min = 0, max = 400) int docs,
                                        @ForAll @IntRange(min = 1, max = 9) int pageSize,
                                        @ForAll @IntRange(min = 0, max = Integer.MAX_VALUE - 1) int randomSeed) {
        Random r = new Random(randomSeed);
        String alphabet = "恒达化工有限公司华北";
        List<Doc> all = new ArrayList<>();
        long seq = 0;
        for (int i = 0; i < docs; i++) {
            seq += 1 + r.nextInt(3);
            StringBuilder name = new StringBuilder();
            for (int k = r.nextInt(12); k > 0; k--) {
                name.append(alphabet.charAt(r.nextInt(alphabet.length())));
            }
            all.add(new Doc(seq, name.toString(), 130100 + r.nextInt(5), 20260 + 1 + r.nextInt(2), r.nextInt(10)));
        }
        NameIndex x = index(all);
        if (r.nextBoolean()) {
            x.trim();
        }
        StringBuilder q = new StringBuilder();
        for (int k = 2 + r.nextInt(3); k > 0; k--) {
            q.append(alphabet.charAt(r.nextInt(alphabet.length())));
        }
        var c = r.nextBoolean() ? NameIndex.Conditions.NONE
                : new NameIndex.Conditions(130101, 130103, r.nextBoolean() ? -1 : 20261, r.nextInt(5), 5 + r.nextInt(5));
        List<Long> expected = new ArrayList<>();
        for (int i = all.size() - 1; i >= 0; i--) {
            Doc d = all.get(i);
            boolean conditionsHold = (c.regionLow() < 0 || (d.region() >= c.regionLow() && d.region() <= c.regionHigh()))
                    && (c.quarter() < 0 || d.quarter() == c.quarter()) && d.day() >= c.fromDay() && d.day() <= c.toDay();
            if (conditionsHold && d.name().contains(q)) {
                expected.add(d.seq());
            }
        }
        List<Long> paged = new ArrayList<>();
        long before = Long.MAX_VALUE;
        while (true) {
            long[] page = x.search(q.toString(), c, before, pageSize);
            for (long s : page) {
                paged.add(s);
            }
            if (page.length < pageSize) {
                break;
            }
            before = page[page.length - 1];
        }
        assertEquals(expected, paged);
        // the list's total: by name (walked, capped), and without a name by the region and quarter tally or by a scan
        assertEquals(new NameIndex.Count(expected.size(), false), x.count(q.toString(), c, 1000));
        assertEquals(new NameIndex.Count(Math.min(expected.size(), 3), expected.size() > 3), x.count(q.toString(), c, 3));
        var anyDay = new NameIndex.Conditions(c.regionLow(), c.regionHigh(), c.quarter(), Integer.MIN_VALUE, Integer.MAX_VALUE);
        for (var k : List.of(c, anyDay)) {
            long n = all.stream().filter(d -> (k.regionLow() < 0 || (d.region() >= k.regionLow() && d.region() <= k.regionHigh()))
                    && (k.quarter() < 0 || d.quarter() == k.quarter()) && d.day() >= k.fromDay() && d.day() <= k.toDay()).count();
            assertEquals(new NameIndex.Count(n, false), x.count(null, k, 1000), "tally or scan of " + k);
        }
    }
}
