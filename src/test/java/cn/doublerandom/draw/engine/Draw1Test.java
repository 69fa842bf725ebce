package cn.doublerandom.draw.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.DoubleRange;
import net.jqwik.api.constraints.IntRange;
import org.junit.jupiter.api.Test;

/** DRAW-1 §2–§3 examples and properties (fixed seeds). */
class Draw1Test {

    @Test
    void smallDrawWithSpecialist() {
        DrawOutcome.Success ok = assertInstanceOf(DrawOutcome.Success.class,
                Draw1.run(PoolSnapshot.parse(PoolSnapshotTest.TEXT), "dice 3 5 6|00112233445566778899aabbccddeeff"));
        assertEquals(2, ok.targets().size());
        assertEquals(List.of(), ok.shortfalls());
        for (Team team : ok.teams()) {
            assertEquals(2, team.certified().size());
            assertEquals(1, team.specialists().size());
            // Literal step 6: the specialist is always an extra member.
            assertFalse(team.certified().contains(team.specialists().get(0)));
        }
        Team u1 = ok.teams().stream().filter(t -> t.uscc().equals("U1")).findFirst().orElseThrow();
        assertFalse(u1.members().contains("INS-3"), "INS-3 is recused for U1");
        assertEquals(2, ok.cap()); // ceil(2 * 2 / 3)
    }

    @Test
    void capRelaxationIsRecordedAndTeamsStayFull() {
        // cap = ceil(2 * 4 / 3) = 3; INS-3 is recused for A, B and C, so INS-1 and INS-2 carry
        // three of the four targets between them and some target needs the cap relaxed.
        PoolSnapshot.Builder b = PoolSnapshot.builder().teamSize(2).quota(Stratum.GENERAL, 4)
                .inspector("INS-1").inspector("INS-2").inspector("INS-3");
        for (String t : List.of("A", "B", "C", "D")) {
            b.target(Stratum.GENERAL, t);
        }
        for (String t : List.of("A", "B", "C")) {
            b.recused("INS-3", t);
        }
        DrawOutcome.Success ok = assertInstanceOf(DrawOutcome.Success.class, Draw1.run(b.build(), "relax"));
        assertEquals(3, ok.cap());
        assertEquals(1, ok.relaxed().size());
        ok.teams().forEach(t -> assertEquals(2, t.members().size()));
        assertTrue(ok.resultLines().contains("relaxed " + ok.relaxed().get(0)));
    }

    @Test
    void failureNamesEveryTargetAndCountsRefusals() {
        PoolSnapshot s = PoolSnapshot.builder().teamSize(2).quota(Stratum.KEY, 2)
                .target(Stratum.KEY, "A").target(Stratum.KEY, "B").target(Stratum.KEY, "C")
                .inspector("I1").inspector("I2").inspector("I3")
                .recused("I1", "A").recused("I2", "A").previousTeam("I1", "B").previousTeam("I3", "B")
                .recused("I1", "C").recused("I2", "C")
                .build();
        DrawOutcome outcome = Draw1.run(s, "fail-me");
        DrawOutcome.Failure f = assertInstanceOf(DrawOutcome.Failure.class, outcome);
        Set<String> selected = new HashSet<>();
        Draw1.select(s, Seed.of("fail-me")).ordered().forEach(t -> selected.add(t.uscc()));
        assertEquals(selected.size(), f.targetFailures().size());
        for (TargetFailure tf : f.targetFailures()) {
            TargetFailure.TeamShort ts = assertInstanceOf(TargetFailure.TeamShort.class, tf);
            assertTrue(selected.contains(ts.uscc()));
            assertEquals(1, ts.accepted());
            assertEquals(3, ts.candidates());
            assertTrue(f.reason().contains("target " + ts.uscc() + " has 1 of 2"), f.reason());
        }
        assertFalse(f.reason().contains("\n"));
    }

    @Test
    void specialtyWithoutHoldersFails() {
        PoolSnapshot s = PoolSnapshot.builder().teamSize(2).quota(Stratum.KEY, 1).target(Stratum.KEY, "A")
                .inspector("I1").inspector("I2").needs("boilers").build();
        DrawOutcome.Failure f = assertInstanceOf(DrawOutcome.Failure.class, Draw1.run(s, "x"));
        assertEquals(new TargetFailure.SpecialtyUnfilled("A", "boilers", 0, 0, 0, 0), f.targetFailures().get(0));
    }

    @Test
    void specialistIsNeverACertifiedMemberAlreadyOnTheTeam() {
        // I1 and I2 hold the specialty and are the only certified inspectors: both are on the
        // team, so only the auxiliary expert can fill it.
        PoolSnapshot s = PoolSnapshot.builder().teamSize(2).quota(Stratum.KEY, 1).target(Stratum.KEY, "A")
                .inspector("I1").inspector("I2").needs("boilers")
                .specialist("I1", "boilers").specialist("I2", "boilers").specialist("X9", "boilers").build();
        DrawOutcome.Success ok = assertInstanceOf(DrawOutcome.Success.class, Draw1.run(s, "x"));
        assertEquals(List.of("X9"), ok.teams().get(0).specialists());
    }

    @Test
    void noInspectorsFailsTheDraw() {
        PoolSnapshot s = PoolSnapshot.builder().teamSize(2).quota(Stratum.KEY, 1).target(Stratum.KEY, "A").build();
        DrawOutcome.Failure f = assertInstanceOf(DrawOutcome.Failure.class, Draw1.run(s, "x"));
        assertTrue(f.reason().contains("I = 0"));
    }

    @Test
    void quotaAbovePoolIsReported() {
        PoolSnapshot s = PoolSnapshot.builder().teamSize(2).quota(Stratum.KEY, 5).quota(Stratum.SPECIAL, 1)
                .target(Stratum.KEY, "A").target(Stratum.GENERAL, "B").inspector("I1").inspector("I2").build();
        DrawOutcome.Success ok = assertInstanceOf(DrawOutcome.Success.class, Draw1.run(s, "x"));
        assertEquals(List.of(new QuotaShortfall(Stratum.KEY, 5, 1), new QuotaShortfall(Stratum.SPECIAL, 1, 0)),
                ok.shortfalls());
        assertEquals(List.of("target KEY A 1"), ok.resultLines().subList(0, 1));
    }

    // ---- properties ----

    @Property(seed = "1001", tries = 60)
    void selectionEqualsFullSortAndIgnoresInputOrder(@ForAll long seed,
                                                      @ForAll @IntRange(min = 0, max = 400) int size,
                                                      @ForAll @IntRange(min = 0, max = 450) int k) {
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < size; i++) {
            ids.add(TestPools.uscc(i));
        }
        Tickets tickets = new Tickets("prop " + seed);
        List<String> sorted = new ArrayList<>(ids);
        sorted.sort(tickets::compare);
        List<String> expected = sorted.subList(0, Math.min(k, size));
        Collections.shuffle(ids, new Random(seed));
        StratumSelection sel = StratumSelection.select(tickets, Stratum.GENERAL, ids, k);
        assertEquals(expected, sel.selected().stream().map(SelectedTarget::uscc).toList());
        assertEquals(Math.max(0, k - size), sel.shortfall());
        for (int i = 0; i < sel.selected().size(); i++) {
            assertEquals(i + 1, sel.selected().get(i).rank());
        }
    }

    @Property(seed = "2002", tries = 25)
    void outcomeIndependentOfInputOrder(@ForAll long seed, @ForAll @IntRange(min = 1, max = 150) int targets) {
        PoolSnapshot a = TestPools.random(seed, targets, 10, 0.4, 2, 1, 0.2);
        // Same lines, other insertion order: rebuild from the parsed text reversed.
        String text = a.canonicalText();
        List<String> lines = new ArrayList<>(List.of(text.split("\n")));
        Collections.shuffle(lines, new Random(seed ^ 99));
        PoolSnapshot.Builder b = PoolSnapshot.builder();
        for (String line : lines) {
            String[] f = line.split(" ");
            switch (f[0]) {
                case "T" -> b.target(Stratum.valueOf(f[1]), f[2]);
                case "I" -> b.inspector(f[1]);
                case "A" -> b.specialist(f[1], f[2]);
                case "N" -> b.needs(f[1]);
                case "R" -> b.recused(f[1], f[2]);
                case "P" -> b.previousTeam(f[1], f[2]);
                case "Q" -> b.quota(Stratum.valueOf(f[1]), Integer.parseInt(f[2]));
                default -> b.teamSize(Integer.parseInt(f[2]));
            }
        }
        PoolSnapshot c = b.build();
        assertEquals(a.poolHash(), c.poolHash());
        assertEquals(Draw1.run(a, "order " + seed), Draw1.run(c, "order " + seed));
    }

    @Property(seed = "3003", tries = 80)
    void drawInvariants(@ForAll long seed,
                        @ForAll @IntRange(min = 0, max = 200) int targets,
                        @ForAll @IntRange(min = 1, max = 30) int inspectors,
                        @ForAll @IntRange(min = 2, max = 4) int teamSize,
                        @ForAll @IntRange(min = 0, max = 2) int specialties,
                        @ForAll @DoubleRange(min = 0.0, max = 0.6) double ruleDensity) {
        PoolSnapshot s = TestPools.random(seed, targets, inspectors, 0.35, teamSize, specialties, ruleDensity);
        Seed drawSeed = Seed.of("inv|" + seed);
        Draw1.Selection selection = Draw1.select(s, drawSeed);
        // Quotas met exactly: min(k, pool) per stratum.
        for (StratumSelection st : selection.strata()) {
            assertEquals(Math.min(st.requested(), s.targets(st.stratum()).size()), st.selected().size());
        }
        // No target repeats.
        Set<String> seen = new HashSet<>();
        selection.ordered().forEach(t -> assertTrue(seen.add(t.uscc())));

        Map<String, Set<String>> r = byTarget(s.recusals());
        Map<String, Set<String>> p = byTarget(s.previousTeams());
        DrawOutcome outcome = Draw1.assignTeams(s, drawSeed, selection);
        if (outcome instanceof DrawOutcome.Success ok) {
            assertEquals(selection.ordered(), ok.targets());
            Map<String, Integer> load = new HashMap<>();
            Set<String> relaxed = new HashSet<>(ok.relaxed());
            for (int i = 0; i < ok.teams().size(); i++) {
                Team team = ok.teams().get(i);
                assertEquals(ok.targets().get(i).uscc(), team.uscc());
                assertEquals(teamSize, team.certified().size());
                assertEquals(s.neededSpecialties().size(), team.specialists().size());
                assertEquals(team.members().size(), new HashSet<>(team.members()).size(), "no inspector twice");
                assertTrue(s.inspectors().containsAll(team.certified()));
                for (String code : team.members()) {
                    assertFalse(r.getOrDefault(team.uscc(), Set.of()).contains(code), "recused");
                    assertFalse(p.getOrDefault(team.uscc(), Set.of()).contains(code), "previous team");
                }
                assertEquals(relaxed.contains(team.uscc()), team.relaxed());
                for (String code : team.certified()) {
                    int before = load.getOrDefault(code, 0);
                    if (!team.relaxed()) {
                        assertTrue(before < ok.cap(), "load within cap");
                    }
                    load.put(code, before + 1);
                }
            }
            if (ok.relaxed().isEmpty()) {
                load.values().forEach(v -> assertTrue(v <= ok.cap()));
            }
        } else {
            DrawOutcome.Failure f = (DrawOutcome.Failure) outcome;
            assertNull(f.drawReason());
            assertFalse(f.targetFailures().isEmpty());
            for (TargetFailure tf : f.targetFailures()) {
                assertTrue(seen.contains(tf.uscc()), "failure names a selected target");
                assertTrue(f.reason().contains(tf.uscc()));
                if (tf instanceof TargetFailure.TeamShort ts) {
                    // Walk plus relaxation takes every eligible inspector, so short means too few exist.
                    long eligible = s.inspectors().stream()
                            .filter(c -> !r.getOrDefault(ts.uscc(), Set.of()).contains(c))
                            .filter(c -> !p.getOrDefault(ts.uscc(), Set.of()).contains(c)).count();
                    assertEquals(eligible, ts.accepted());
                    assertTrue(eligible < teamSize);
                }
            }
        }
    }

    private static Map<String, Set<String>> byTarget(List<PoolSnapshot.CodeForTarget> lines) {
        Map<String, Set<String>> m = new HashMap<>();
        lines.forEach(l -> m.computeIfAbsent(l.uscc(), x -> new HashSet<>()).add(l.code()));
        return m;
    }
}
