package cn.doublerandom.draw.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.StringLength;
import org.junit.jupiter.api.Test;

/** DRAW-1 §1 vectors and the fast sort key. */
class TicketsTest {

    @Test
    void reversalStepAloneOnSha256OfAbc() {
        assertEquals("0.56998071861792858926477341561059638840106636224182943832566300809078486324348",
                Tickets.ticketOf(Sha256.digest("abc")));
    }

    @Test
    void ticketVector() {
        assertEquals("0.26299714122838008416507544297546663599715395525154425586041245287750224561854",
                new Tickets("01382438112797316654").ticket("AB-130"));
    }

    @Test
    void fourIdOrderingWithSeed314159() {
        Tickets t = new Tickets("314159");
        List<String> ids = new ArrayList<>(List.of("ab-1", "ab-2", "cd-1", "ef-3"));
        ids.sort(t::compare);
        assertEquals(List.of("cd-1", "ef-3", "ab-1", "ab-2"), ids);
        assertTrue(t.ticket("cd-1").startsWith("0.317685817"));
        assertTrue(t.ticket("ef-3").startsWith("0.832984519"));
        assertTrue(t.ticket("ab-1").startsWith("0.9098039269"));
        assertTrue(t.ticket("ab-2").startsWith("0.9231549043"));
    }

    @Test
    void selectionOfTheFourIdsGivesRanks() {
        StratumSelection sel = StratumSelection.select(new Tickets("314159"), Stratum.GENERAL,
                List.of("ab-1", "ab-2", "cd-1", "ef-3"), 3);
        assertEquals(List.of("cd-1", "ef-3", "ab-1"), sel.selected().stream().map(SelectedTarget::uscc).toList());
        assertEquals(List.of(1, 2, 3), sel.selected().stream().map(SelectedTarget::rank).toList());
        assertEquals(0, sel.shortfall());
    }

    @Test
    void quotaLargerThanPoolSelectsAllAndReportsShortfall() {
        StratumSelection sel = StratumSelection.select(new Tickets("314159"), Stratum.KEY,
                List.of("ab-1", "ab-2"), 5);
        assertEquals(2, sel.selected().size());
        assertEquals(3, sel.shortfall());
    }

    @Property(seed = "20250701", tries = 300)
    void sortKeyIsTheFirst18TicketDigits(@ForAll @StringLength(min = 1, max = 40) String seedish,
                                         @ForAll @StringLength(min = 1, max = 32) String id) {
        String seed = "s" + seedish.codePoints().filter(cp -> Character.isLetterOrDigit(cp))
                .collect(StringBuilder::new, StringBuilder::appendCodePoint, StringBuilder::append);
        Tickets t = new Tickets(seed);
        String ticket = t.ticket(id);
        assertEquals(Long.parseLong(ticket.substring(2, 20)), t.sortKey(id));
        assertTrue(ticket.length() >= 66);
    }

    @Property(seed = "7", tries = 300)
    void compareAgreesWithTicketStrings(@ForAll @StringLength(min = 1, max = 20) String a,
                                        @ForAll @StringLength(min = 1, max = 20) String b) {
        Tickets t = new Tickets("seed-7");
        int expected = Integer.signum(t.ticket(a).compareTo(t.ticket(b)));
        if (expected == 0) {
            expected = Integer.signum(Utf8ByteOrder.compare(a, b));
        }
        assertEquals(expected, Integer.signum(t.compare(a, b)));
    }

    @Test
    void byteOrderDiffersFromUtf16OrderForSupplementaryCharacters() {
        String bmpHigh = "\uFFFD"; // UTF-8 EF BF BD
        String emoji = "\uD83D\uDE00"; // U+1F600, UTF-8 F0 9F 98 80
        assertTrue(bmpHigh.compareTo(emoji) > 0, "UTF-16 order puts the surrogate pair first");
        assertTrue(Utf8ByteOrder.compare(bmpHigh, emoji) < 0, "byte order puts U+FFFD first");
        assertTrue(Utf8ByteOrder.compare("A", "AB") < 0);
        assertTrue(Utf8ByteOrder.compare("a", "B") > 0);
        assertEquals(0, Utf8ByteOrder.compare("检查", "检查"));
    }

    @Property(seed = "13", tries = 500)
    void whereCompareToIsUsedItAgreesWithByteOrder(@ForAll String a, @ForAll String b) {
        if (Utf8ByteOrder.agreesWithCompareTo(new Object[] {a, b})) {
            assertEquals(Integer.signum(Utf8ByteOrder.compare(a, b)), Integer.signum(a.compareTo(b)), a + " / " + b);
        }
    }

    @Test
    void compareToIsNotUsedForCharsFromTheSurrogatesUp() {
        assertTrue(Utf8ByteOrder.agreesWithCompareTo(new Object[] {"91130102MA0000001X", "检查", "\uD7FF"}));
        assertFalse(Utf8ByteOrder.agreesWithCompareTo(new Object[] {"A", "\uD83D\uDE00"}));
        assertFalse(Utf8ByteOrder.agreesWithCompareTo(new Object[] {"\uFFFD"}));
    }

    @Property(seed = "11", tries = 500)
    void byteOrderEqualsUnsignedUtf8Comparison(@ForAll String a, @ForAll String b) {
        // Only well-formed strings have a UTF-8 encoding to compare.
        String x = wellFormed(a);
        String y = wellFormed(b);
        int expected = Integer.signum(java.util.Arrays.compareUnsigned(
                x.getBytes(java.nio.charset.StandardCharsets.UTF_8),
                y.getBytes(java.nio.charset.StandardCharsets.UTF_8)));
        assertEquals(expected, Integer.signum(Utf8ByteOrder.compare(x, y)));
    }

    private static String wellFormed(String s) {
        return s.codePoints().filter(cp -> cp < 0xD800 || cp > 0xDFFF)
                .collect(StringBuilder::new, StringBuilder::appendCodePoint, StringBuilder::append)
                .append("\uD83D\uDE00").toString();
    }

    @Property(seed = "99", tries = 1000)
    void fastTicketStringEqualsBigIntegerReversal(@ForAll byte[] raw) {
        byte[] digest = java.util.Arrays.copyOf(raw, 32);
        // Small values exercise the 64-digit padding; the spec's definition, literally:
        StringBuilder d = new StringBuilder(new java.math.BigInteger(1, digest).toString());
        while (d.length() < 64) {
            d.insert(0, '0');
        }
        assertEquals("0." + d.reverse(), Tickets.ticketOf(digest));
        byte[] small = new byte[32];
        System.arraycopy(digest, 0, small, 24, 8);
        StringBuilder e = new StringBuilder(new java.math.BigInteger(1, small).toString());
        while (e.length() < 64) {
            e.insert(0, '0');
        }
        assertEquals("0." + e.reverse(), Tickets.ticketOf(small));
        assertEquals(Long.parseLong(Tickets.ticketOf(digest).substring(2, 20)), Tickets.sortKeyOf(digest));
    }

    @Test
    void extremeDigests() {
        byte[] zero = new byte[32];
        assertEquals("0." + "0".repeat(64), Tickets.ticketOf(zero));
        byte[] max = new byte[32];
        java.util.Arrays.fill(max, (byte) 0xFF);
        String d = java.math.BigInteger.ONE.shiftLeft(256).subtract(java.math.BigInteger.ONE).toString();
        assertEquals("0." + new StringBuilder(d).reverse(), Tickets.ticketOf(max));
    }
}
