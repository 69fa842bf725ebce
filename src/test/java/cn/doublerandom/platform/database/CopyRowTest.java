package cn.doublerandom.platform.database;

import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

/** The pool scan's reading of COPY text rows. */
class CopyRowTest {

    private static String[] split(String row, int fields) {
        String[] out = new String[fields];
        Sql.splitCopyRow(row.getBytes(StandardCharsets.UTF_8), out);
        return out;
    }

    @Test
    void fieldsNullsAndTheLineEnd() {
        assertArrayEquals(new String[] {"91130123MA0000001X", "PRODUCING", null, "t", "KEY", "2026-01-01", null, "{ONLINE,VIDEO}"},
                split("91130123MA0000001X\tPRODUCING\t\\N\tt\tKEY\t2026-01-01\t\\N\t{ONLINE,VIDEO}\n", 8));
        assertArrayEquals(new String[] {"a", "", null}, split("a\t\t\\N", 3));
        assertArrayEquals(new String[] {"某某公司", "b"}, split("某某公司\tb\n", 2));
    }

    @Test
    void arraysOfPlainElements() {
        org.junit.jupiter.api.Assertions.assertEquals(java.util.List.of("T130131-05", "T130131-04"), Sql.arrayElements("{T130131-05,T130131-04}"));
        org.junit.jupiter.api.Assertions.assertEquals(java.util.List.of(), Sql.arrayElements("{}"));
        org.junit.jupiter.api.Assertions.assertEquals(java.util.List.of(), Sql.arrayElements(null));
        assertThrows(IllegalStateException.class, () -> Sql.arrayElements("{\"a b\",c}"));
        assertThrows(IllegalStateException.class, () -> Sql.arrayElements("a,b"));
    }

    @Test
    void anythingElseIsRefusedNotGuessed() {
        assertThrows(IllegalStateException.class, () -> split("a\tb\n", 3));
        assertThrows(IllegalStateException.class, () -> split("a\tb\tc\td\n", 3));
        assertThrows(IllegalStateException.class, () -> split("a\\tb\tc\td\n", 3));
        assertThrows(IllegalStateException.class, () -> split("\\Nx\tb\tc\n", 3));
    }
}
