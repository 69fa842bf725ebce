package cn.doublerandom.registry.target.mirror;

import cn.doublerandom.registry.target.CreditRating;
import cn.doublerandom.registry.target.MonitoringType;
import cn.doublerandom.registry.target.OperatingStatus;
import cn.doublerandom.registry.target.PermitClass;
import cn.doublerandom.registry.target.SupervisionClassifier;
import cn.doublerandom.registry.target.TargetStore.PoolRow;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The mirror's columns give back each target's pool row exactly as it was put, by region and in parts. */
class TargetFactsTest {

    private static final String[] COUNTIES = {"130102", "130104", "130105", "130181", "131102", "140105"};

    @Test
    void rowsComeBackAsPutReplacedInPlaceByRegionEachOnce() {
        Random random = new Random(20261124L);
        TargetFacts facts = new TargetFacts();
        Map<String, PoolRow> expected = new HashMap<>();
        Map<String, Integer> regionOf = new HashMap<>();
        Map<String, String> nameOf = new HashMap<>();
        // enough to grow the columns and the table several times; then a third of them replaced
        for (int i = 0; i < 20_000; i++) {
            String region = COUNTIES[i % COUNTIES.length];
            String uscc = "91" + region + String.format("%09d", i) + "X";
            PoolRow row = randomRow(uscc, random);
            facts.put(uscc, Integer.parseInt(region), "石家庄某企业" + i, row);
            expected.put(uscc, row);
            regionOf.put(uscc, Integer.parseInt(region));
            nameOf.put(uscc, "石家庄某企业" + i);
        }
        List<String> codes = new ArrayList<>(expected.keySet());
        // renamed four times over (what is left behind is packed away), or kept, or dropped
        for (int round = 0; round < 4; round++) {
            for (int i = 0; i < codes.size(); i += 3) {
                PoolRow row = randomRow(codes.get(i), random);
                String name = i % 2 == 0 ? "更名\\有限公司\t" + round + "-" + i : nameOf.get(codes.get(i));
                facts.put(codes.get(i), regionOf.get(codes.get(i)), i % 99 == 0 ? null : name, row);
                expected.put(codes.get(i), row);
                nameOf.put(codes.get(i), i % 99 == 0 ? null : name);
            }
        }
        assertEquals(20_000, facts.size());
        for (String code : codes) {
            int slot = facts.slotOf(code);
            assertEquals(nameOf.get(code), facts.name(slot), code);
            assertEquals((int) regionOf.get(code), facts.region(slot), code);
        }
        facts.order();

        // the whole of province 13, in 1, 2 and 3 parts: every row of it once, equal to what was put last
        for (int parts = 1; parts <= 3; parts++) {
            Map<String, PoolRow> seen = new HashMap<>();
            for (int part = 0; part < parts; part++) {
                facts.forEach(130000, 140000, part, parts, new Object[facts.size()], (row, note) -> {
                    assertNull(note);
                    assertNull(seen.put(row.uscc(), row), "twice: " + row.uscc());
                });
            }
            Map<String, PoolRow> province = new HashMap<>(expected);
            province.keySet().removeIf(u -> regionOf.get(u) >= 140000);
            assertEquals(province, seen, parts + " parts");
        }
        // one county only
        List<String> county = new ArrayList<>();
        facts.forEach(130104, 130105, 0, 1, new Object[facts.size()], (row, note) -> county.add(row.uscc()));
        assertEquals(20_000 / COUNTIES.length + (1 < 20_000 % COUNTIES.length ? 1 : 0), county.size());
        assertTrue(county.stream().allMatch(u -> u.startsWith("91130104")));
    }

    @Test
    void notesFollowTheirTargetsAndOnesNotYetHeldArePlacedWhenTheyArrive() {
        TargetFacts facts = new TargetFacts();
        for (int i = 0; i < 3000; i++) {
            String uscc = "91130102" + String.format("%09d", i) + "Y";
            facts.put(uscc, 130102, null, new PoolRow(uscc, OperatingStatus.HALTED, null, List.of()));
        }
        facts.order();
        TargetNotes<StringBuilder> notes = new TargetNotes<>();
        notes.open(facts);
        // noted from the bytes of a longer row, as a COPY field is: twice for every 7th target
        for (int pass = 0; pass < 2; pass++) {
            for (int i = 0; i < 3000; i += 7) {
                byte[] row = ("x\t91130102" + String.format("%09d", i) + "Y\tt").getBytes(StandardCharsets.US_ASCII);
                notes.note(row, 2, 18, StringBuilder::new).append("note ").append(i).append(';');
            }
        }
        byte[] later = "91130102999999999Y".getBytes(StandardCharsets.US_ASCII);
        notes.note(later, 0, 18, StringBuilder::new).append("noted before it was held");
        notes.note("91130102000000001".getBytes(StandardCharsets.US_ASCII), 0, 17, StringBuilder::new).append("not a USCC");
        notes.close();
        assertThrows(IllegalStateException.class, () -> notes.note(later, 0, 18, StringBuilder::new));
        facts.put("91130102999999999Y", 130102, null, new PoolRow("91130102999999999Y", OperatingStatus.HALTED, null, List.of()));
        facts.order();

        Object[] bySlot = notes.bySlot(facts);
        int[] noted = new int[1];
        facts.forEach(0, 1_000_000, 0, 1, bySlot, (row, note) -> {
            int i = Integer.parseInt(row.uscc().substring(8, 17));
            String expected = i == 999_999_999 ? "noted before it was held" : i % 7 == 0 ? "note " + i + ";note " + i + ";" : null;
            assertEquals(expected, note == null ? null : note.toString(), row.uscc());
            noted[0] += note == null ? 0 : 1;
        });
        assertEquals(429 + 1, noted[0]);
    }

    @Test
    void rowsComeInUsccOrderPartAfterPartWhateverTheOrderTheyArrivedIn() {
        TargetFacts facts = new TargetFacts();
        java.util.Random random = new java.util.Random(20261124);
        List<String> all = new ArrayList<>();
        // three catch-ups: a bulk read, then two smaller ones, each in an order of its own
        for (int batch : new int[] {5000, 300, 1}) {
            for (int i = 0; i < batch; i++) {
                String uscc = "9113" + String.format("%013d", random.nextInt(1_000_000_000)) + "X";
                if (!all.contains(uscc)) {
                    all.add(uscc);
                }
                facts.put(uscc, 130102, null, new PoolRow(uscc, OperatingStatus.HALTED, null, List.of()));
            }
            assertThrows(IllegalStateException.class, () -> facts.forEach(0, 1_000_000, 0, 1, new Object[facts.size()], (r, n) -> { }));
            facts.order();
            for (int parts = 1; parts <= 3; parts++) {
                List<String> seen = new ArrayList<>();
                for (int part = 0; part < parts; part++) {
                    facts.forEach(0, 1_000_000, part, parts, new Object[facts.size()], (row, note) -> seen.add(row.uscc()));
                }
                List<String> sorted = new ArrayList<>(all);
                sorted.sort(null);
                assertEquals(sorted, seen, parts + " parts");
            }
        }
    }

    @Test
    void datesBefore1970NullsAndTheOrderOfMonitoringTypesSurvive() {
        TargetFacts facts = new TargetFacts();
        PoolRow row = new PoolRow("91140105000000001X", OperatingStatus.PRODUCING, new SupervisionClassifier.Inputs(null, true,
                null, LocalDate.of(1969, 12, 31), null), List.of(MonitoringType.VIDEO, MonitoringType.ONLINE));
        facts.put(row.uscc(), 140105, null, row);
        facts.order();
        List<PoolRow> out = new ArrayList<>();
        facts.forEach(140105, 140106, 0, 1, new Object[1], (r, note) -> out.add(r));
        assertEquals(List.of(row), out);
        assertThrows(IllegalArgumentException.class, () -> facts.put("91140105", 140105, null, row), "a USCC is 18 characters");
        assertThrows(IllegalArgumentException.class, () -> facts.put("91140105000000001É", 140105, null, row), "ASCII only");
    }

    private static PoolRow randomRow(String uscc, Random random) {
        OperatingStatus status = OperatingStatus.values()[random.nextInt(OperatingStatus.values().length)];
        if (status != OperatingStatus.PRODUCING) {
            return new PoolRow(uscc, status, null, List.of());
        }
        LocalDate from = random.nextBoolean() ? null : LocalDate.of(1965 + random.nextInt(70), 1 + random.nextInt(12), 1);
        LocalDate to = from == null || random.nextBoolean() ? null : from.plusDays(random.nextInt(2000));
        CreditRating credit = random.nextInt(6) == 0 ? null : CreditRating.values()[random.nextInt(CreditRating.values().length)];
        PermitClass permit = random.nextInt(4) == 0 ? null : PermitClass.values()[random.nextInt(PermitClass.values().length)];
        List<MonitoringType> monitoring = new ArrayList<>(List.of(MonitoringType.values()));
        java.util.Collections.shuffle(monitoring, random);
        return new PoolRow(uscc, status, new SupervisionClassifier.Inputs(credit, random.nextBoolean(), permit, from, to),
                List.copyOf(monitoring.subList(0, random.nextInt(monitoring.size() + 1))));
    }
}
