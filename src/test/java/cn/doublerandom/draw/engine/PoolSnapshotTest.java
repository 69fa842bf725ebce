package cn.doublerandom.draw.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import org.junit.jupiter.api.Test;

/** DRAW-1 §4: canonical text, hash, parser. */
class PoolSnapshotTest {
    static final String TEXT = String.join("\n",
            "A AUX-1 fire-safety",
            "A INS-2 fire-safety",
            "I INS-1",
            "I INS-2",
            "I INS-3",
            "N fire-safety",
            "P INS-1 U2",
            "Q GENERAL 1",
            "Q KEY 1",
            "R INS-3 U1",
            "T GENERAL U2",
            "T GENERAL U3",
            "T KEY U1",
            "Z teamSize 2") + "\n";

    @Test
    void builderProducesCanonicalTextAndHash() {
        PoolSnapshot s = PoolSnapshot.builder()
                .teamSize(2).target(Stratum.KEY, "U1").target(Stratum.GENERAL, "U3")
                .target(Stratum.GENERAL, "U2").target(Stratum.GENERAL, "U2")
                .inspector("INS-3").inspector("INS-1").inspector("INS-2")
                .specialist("INS-2", "fire-safety").specialist("AUX-1", "fire-safety").needs("fire-safety")
                .recused("INS-3", "U1").previousTeam("INS-1", "U2")
                .quota(Stratum.KEY, 1).quota(Stratum.GENERAL, 1).build();
        assertEquals(TEXT, s.canonicalText());
        assertEquals(Sha256.hex(TEXT), s.poolHash());
    }

    @Test
    void parseRoundTrip() {
        PoolSnapshot s = PoolSnapshot.parse(TEXT);
        assertEquals(TEXT, s.canonicalText());
        assertEquals(List.of("U2", "U3"), s.targets(Stratum.GENERAL));
        assertEquals(2, s.teamSize());
        assertEquals(1, s.quota(Stratum.KEY));
        assertEquals(0, s.quota(Stratum.SPECIAL));
    }

    @Property(seed = "4242", tries = 30)
    void randomSnapshotsRoundTripAndAreSortedInByteOrder(@ForAll long seed, @ForAll @IntRange(min = 0, max = 300) int targets) {
        PoolSnapshot s = TestPools.random(seed, targets, 12, 0.3, 2, 2, 0.2);
        String text = s.canonicalText();
        String[] lines = text.split("\n");
        for (int i = 1; i < lines.length; i++) {
            byte[] a = lines[i - 1].getBytes(StandardCharsets.UTF_8);
            byte[] b = lines[i].getBytes(StandardCharsets.UTF_8);
            assertTrue(Arrays.compareUnsigned(a, b) < 0, "line " + (i + 1) + " after " + lines[i - 1]);
        }
        PoolSnapshot back = PoolSnapshot.parse(text);
        assertEquals(text, back.canonicalText());
        assertEquals(s.poolHash(), back.poolHash());
    }

    @Test
    void rejectsMalformedTextNamingTheLine() {
        assertError(TEXT.replace("T KEY U1\n", "T KEY u1\n"), 13, "[0-9A-Z-]{1,32}");
        assertError(TEXT.replace("N fire-safety\n", "N Fire\n"), 6, "[a-z0-9-]{1,32}");
        assertError(TEXT.replace("T KEY U1\n", "T HIGH U1\n"), 13, "unknown class");
        assertError(TEXT.replace("Z teamSize 2\n", "X something\n"), 14, "unknown line kind");
        assertError(TEXT.replace("I INS-2\n", "I INS-2\nI INS-2\n"), 5, "duplicate of line 4");
        assertError(TEXT.replace("I INS-1\nI INS-2\n", "I INS-2\nI INS-1\n"), 4, "not in byte order");
        assertError(TEXT.replace("Z teamSize 2\n", "Z teamSize 1\n"), 14, "at least 2");
        assertError(TEXT.replace("Z teamSize 2\n", "Z teamSize 02\n"), 14, "leading zeros");
        assertError(TEXT.replace("Q KEY 1\n", "Q KEY 1\nQ KEY 2\n"), 10, "second Q line");
        assertError(TEXT.replace("T KEY U1\n", "T KEY U1  \n"), 13, "fields");
        assertError(TEXT.replace("T KEY U1\n", "T KEY U1\r\n"), 13, "carriage return");
        assertError(TEXT.substring(0, TEXT.length() - 1), 14, "does not end");
        assertError(TEXT.replace("T KEY U1\n", "T KEY U2\n"), 13, "both GENERAL and KEY");
        assertError(TEXT.replace("Z teamSize 2\n", ""), 0, "no Z line");
        byte[] bad = TEXT.getBytes(StandardCharsets.UTF_8);
        bad[2] = (byte) 0xFF;
        InvalidSnapshotException e = assertThrows(InvalidSnapshotException.class,
                () -> PoolSnapshot.parse(new java.io.ByteArrayInputStream(bad)));
        assertTrue(e.getMessage().contains("UTF-8"), e.getMessage());
    }

    private static void assertError(String text, long line, String fragment) {
        InvalidSnapshotException e = assertThrows(InvalidSnapshotException.class, () -> PoolSnapshot.parse(text));
        assertEquals(line, e.lineNumber(), e.getMessage());
        assertTrue(e.getMessage().contains(fragment), e.getMessage());
        if (line > 0) {
            assertTrue(e.getMessage().startsWith("snapshot line " + line + ":"), e.getMessage());
        }
    }

    @Test
    void builderRejectsBadFields() {
        assertThrows(InvalidSnapshotException.class, () -> PoolSnapshot.builder().target(Stratum.KEY, "ab"));
        assertThrows(InvalidSnapshotException.class, () -> PoolSnapshot.builder().inspector("X".repeat(33)));
        assertThrows(InvalidSnapshotException.class, () -> PoolSnapshot.builder().teamSize(1));
        PoolSnapshot.Builder b = PoolSnapshot.builder().target(Stratum.KEY, "A").target(Stratum.GENERAL, "A").teamSize(2);
        InvalidSnapshotException e = assertThrows(InvalidSnapshotException.class, b::build);
        assertTrue(e.getMessage().contains("disjoint"), e.getMessage());
    }

    /**
     * Object kinds: E and K lines in byte order among the others, K lines merged by USCC then
     * kind; the text parses back to the same bytes; a snapshot without them is what it was.
     */
    @Test
    void objectKindLinesAreWrittenInByteOrderAndParsedBack() {
        PoolSnapshot s = PoolSnapshot.builder().teamSize(2).target(Stratum.KEY, "U1").target(Stratum.GENERAL, "U2")
                .target(Stratum.GENERAL, "U10").inspector("INS-1").quota(Stratum.KEY, 1)
                .itemKind("8", "VEHICLE-SELLER").itemKind("10", "HCFC-USER").itemKind("2", "HCFC-USER")
                .targetsOfKind("VEHICLE-SELLER", ids("U2", "U1"))
                .targetsOfKind("HCFC-USER", ids("U10", "U2"))
                .build();
        String text = String.join("\n",
                "E 10 HCFC-USER",
                "E 2 HCFC-USER",
                "E 8 VEHICLE-SELLER",
                "I INS-1",
                "K U1 VEHICLE-SELLER",
                "K U10 HCFC-USER",
                "K U2 HCFC-USER",
                "K U2 VEHICLE-SELLER",
                "Q KEY 1",
                "T GENERAL U10",
                "T GENERAL U2",
                "T KEY U1",
                "Z teamSize 2") + "\n";
        assertEquals(text, s.canonicalText());
        assertEquals(text, PoolSnapshot.parse(text).canonicalText());
        assertEquals(List.of("10", "2", "8"), s.itemsFor("U2"));
        assertEquals(List.of("8"), s.itemsFor("U1"));
        assertEquals(List.of(), s.targetsNoItemAppliesTo());
        PoolSnapshot plain = PoolSnapshot.parse(text.replaceAll("(?m)^[EK] .*\n", ""));
        assertEquals(null, plain.itemsFor("U1"), "no E line: the items name no kind and each applies to every target");
        assertEquals(List.of(), plain.targetsNoItemAppliesTo());
        assertTrue(plain.canonicalText().startsWith("I INS-1\nQ KEY 1\n"));
        assertEquals(List.of("U10"), PoolSnapshot.parse(text.replace("K U10 HCFC-USER\n", "")).targetsNoItemAppliesTo());
        assertThrows(InvalidSnapshotException.class, () -> PoolSnapshot.parse(text.replace("E 2 HCFC-USER", "E 2 hcfc")));
        assertThrows(InvalidSnapshotException.class, () -> PoolSnapshot.parse(text.replace("K U1 VEHICLE-SELLER", "K U1")));
        assertThrows(InvalidSnapshotException.class, () -> PoolSnapshot.parse(text.replace("K U10 HCFC-USER\nK U2 HCFC-USER",
                "K U2 HCFC-USER\nK U10 HCFC-USER")), "out of byte order");
    }

    private static PackedIds.Appender ids(String... usccs) {
        PackedIds.Appender a = PackedIds.appender();
        for (String u : usccs) {
            a.add(u);
        }
        return a;
    }
}
