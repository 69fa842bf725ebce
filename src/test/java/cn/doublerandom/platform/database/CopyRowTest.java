package cn.doublerandom.platform.database;

import cn.doublerandom.registry.target.CreditRating;
import cn.doublerandom.registry.target.MonitoringType;
import cn.doublerandom.registry.target.OperatingStatus;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The pool scan's reading of COPY text rows. */
class CopyRowTest {

    private static CopyRow row(String text, int fields) {
        return new CopyRow(fields).of(text.getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void regionCodesAsNumbers() {
        CopyRow r = row("130123\t000000\t13012x\t\t\\N\t1234567890\n", 6);
        assertEquals(130123, r.number(0));
        assertEquals(0, r.number(1));
        for (int field = 2; field < 6; field++) {
            int f = field;
            assertThrows(IllegalStateException.class, () -> r.number(f), "field " + f);
        }
    }

    @Test
    void fieldsNullsAndTheLineEnd() {
        CopyRow r = row("91130123MA0000001X\tPRODUCING\t\\N\tt\tKEY\t2026-01-01\t\\N\t{ONLINE,VIDEO}\n", 8);
        assertEquals("91130123MA0000001X", r.text(0));
        assertEquals("PRODUCING", r.text(1));
        assertNull(r.text(2));
        assertTrue(r.isNull(2));
        assertTrue(r.bool(3));
        assertEquals("KEY", r.text(4));
        assertEquals(LocalDate.of(2026, 1, 1), r.date(5));
        assertNull(r.date(6));
        assertEquals("{ONLINE,VIDEO}", r.text(7));
        CopyRow short3 = row("a\t\t\\N", 3);
        assertEquals("a", short3.text(0));
        assertEquals("", short3.text(1));
        assertNull(short3.text(2));
        assertFalse(short3.bool(2));
        assertEquals("某某公司", row("某某公司\tb\n", 2).text(0));
        // one reader, row after row: nothing of the previous row stays
        CopyRow reused = new CopyRow(2);
        reused.of("x\ty".getBytes(StandardCharsets.UTF_8));
        assertEquals("z", reused.of("z\t\\N\n".getBytes(StandardCharsets.UTF_8)).text(0));
        assertNull(reused.text(1));
    }

    @Test
    void constantsByTheirExactNames() {
        CopyRow.Names<OperatingStatus> status = CopyRow.Names.of(OperatingStatus.class);
        CopyRow.Names<MonitoringType> monitoring = CopyRow.Names.of(MonitoringType.class);
        MonitoringType[] all = MonitoringType.values();
        CopyRow r = row("HALTED\t\\N\t{}\t{" + all[0].name() + "," + all[all.length - 1].name() + "}\t{" + all[0].name() + "}", 5);
        assertEquals(OperatingStatus.HALTED, r.constant(0, status));
        assertNull(r.constant(1, CopyRow.Names.of(CreditRating.class)));
        assertEquals(List.of(), r.constants(2, monitoring));
        assertEquals(List.of(all[0], all[all.length - 1]), r.constants(3, monitoring));
        assertEquals(List.of(all[0]), r.constants(4, monitoring));
        assertEquals(List.of(), r.constants(1, monitoring));
        // a prefix or an extension of a name is no name
        assertThrows(IllegalStateException.class, () -> row("HALT", 1).constant(0, status));
        assertThrows(IllegalStateException.class, () -> row("HALTEDX", 1).constant(0, status));
        assertThrows(IllegalStateException.class, () -> row("{\"a b\",c}", 1).constants(0, monitoring));
        assertThrows(IllegalStateException.class, () -> row("a,b", 1).constants(0, monitoring));
    }

    @Test
    void datesTheQuickWayAndTheStrictWay() {
        assertEquals(LocalDate.of(2026, 12, 31), row("2026-12-31", 1).date(0));
        assertEquals(LocalDate.of(12026, 1, 2), row("+12026-01-02", 1).date(0));
        assertThrows(RuntimeException.class, () -> row("2026-13-01", 1).date(0));
        assertThrows(RuntimeException.class, () -> row("2026-1a-01", 1).date(0));
    }

    @Test
    void arraysOfPlainElements() {
        assertEquals(List.of("T130131-05", "T130131-04"), Sql.arrayElements("{T130131-05,T130131-04}"));
        assertEquals(List.of(), Sql.arrayElements("{}"));
        assertEquals(List.of(), Sql.arrayElements(null));
        assertThrows(IllegalStateException.class, () -> Sql.arrayElements("{\"a b\",c}"));
        assertThrows(IllegalStateException.class, () -> Sql.arrayElements("a,b"));
    }

    @Test
    void anythingElseIsRefusedNotGuessed() {
        assertThrows(IllegalStateException.class, () -> row("a\tb\n", 3));
        assertThrows(IllegalStateException.class, () -> row("a\tb\tc\td\n", 3));
        assertThrows(IllegalStateException.class, () -> row("a\\tb\tc\td\n", 3));
        assertThrows(IllegalStateException.class, () -> row("\\Nx\tb\tc\n", 3));
    }

    @Test
    void aFieldThatMayHoldEscapesReadsAsTheTextTheyStandFor() {
        // how PostgreSQL 15 writes copy (select 'X', E'a\\b\tc\nd\re\\Nf\bg\fh\013i\001j 石家庄') to stdout
        byte[] written = "X\ta\\\\b\\tc\\nd\\re\\\\Nf\\bg\\fh\\vi\u0001j 石家庄\n".getBytes(StandardCharsets.UTF_8);
        CopyRow r = new CopyRow(2).allowingEscapes(1).of(written);
        assertEquals("X", r.text(0));
        assertEquals("a\\b\tc\nd\re\\Nf\bg\fh\u000Bi\u0001j 石家庄", r.unescaped(1));
        assertFalse(r.isNull(1));
        assertThrows(IllegalStateException.class, () -> new CopyRow(2).of(written), "a field not allowed escapes refuses them");
        // an escaped tab does not end its field; an escape at the very end is refused; \N alone is null
        assertEquals("p\tq", new CopyRow(2).allowingEscapes(0).of(bytes("p\\tq\tz\n")).unescaped(0));
        assertEquals("\\", new CopyRow(2).allowingEscapes(0).of(bytes("\\\\\tz\n")).unescaped(0));
        assertThrows(IllegalStateException.class, () -> new CopyRow(2).allowingEscapes(1).of(bytes("a\tb\\")));
        assertThrows(IllegalStateException.class, () -> new CopyRow(2).allowingEscapes(1).of(bytes("a\\tx\tb\n")));
        assertTrue(new CopyRow(2).allowingEscapes(1).of(bytes("a\t\\N\n")).isNull(1));
        assertNull(new CopyRow(2).allowingEscapes(1).of(bytes("a\t\\N\n")).unescaped(1));
    }

    private static byte[] bytes(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }
}
