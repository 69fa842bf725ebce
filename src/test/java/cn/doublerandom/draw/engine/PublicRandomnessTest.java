package cn.doublerandom.draw.engine;

import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

/** A public source of randomness named at prepare: the record's optional line and the value's format at execute. */
class PublicRandomnessTest {

    private static final String NONCE = "00112233445566778899aabbccddeeff";

    @Test
    void thePrepareRecordGrowsALastLineOnlyWhenASourceIsNamed() {
        LedgerRecord.Header h = new LedgerRecord.Header(2, "D1", "130123", "2025Q3", Instant.parse("2025-07-01T02:03:04Z"));
        String pool = Sha256.hex("pool");
        String plain = LedgerRecord.prepare(h, LedgerRecord.DrawType.UNDIRECTED, null, List.of("1"), LocalDate.of(2025, 7, 1),
                pool, Seed.commit(NONCE), null);
        String named = LedgerRecord.prepare(h, LedgerRecord.DrawType.UNDIRECTED, null, List.of("1"), LocalDate.of(2025, 7, 1),
                pool, Seed.commit(NONCE), null, PublicRandomness.parse("ssq 2025076"));
        assertEquals(plain, LedgerRecord.prepare(h, LedgerRecord.DrawType.UNDIRECTED, null, List.of("1"),
                LocalDate.of(2025, 7, 1), pool, Seed.commit(NONCE), null, null), "no source: the record as before");
        assertEquals(plain.replace("replaces -\n", "replaces -\nrandomness ssq 2025076\n"), named);
        assertEquals(new PublicRandomness("ssq", "2025076"), PublicRandomness.ofPrepare(named));
        assertNull(PublicRandomness.ofPrepare(plain));
    }

    @Test
    void eachSourceNamesItsRoundAndItsValueFormat() {
        assertDoesNotThrow(() -> PublicRandomness.parse("ssq 2025076").requireValue("03 09 14 22 27 31 + 05"));
        assertDoesNotThrow(() -> PublicRandomness.parse("dlt 25076").requireValue("02 11 19 28 33 + 04 09"));
        assertDoesNotThrow(() -> PublicRandomness.parse("drand 5123456").requireValue("ab".repeat(32)));
        assertDoesNotThrow(() -> PublicRandomness.parse("nist 1234567").requireValue("0F".repeat(64)));
        for (String value : List.of("", "03 09 14 22 27 31", "03 09 14 22 27 31 + 17", "09 03 14 22 27 31 + 05",
                "03 03 14 22 27 31 + 05", "03 09 14 22 27 34 + 05", "3 09 14 22 27 31 + 05", "03 09 14 22 27 31 +05",
                "03 09 14 22 27 31 + 05 ", "00 09 14 22 27 31 + 05", "03 09 14 22 27 31 32 + 05")) {
            assertThrows(InvalidSeedException.class, () -> PublicRandomness.parse("ssq 2025076").requireValue(value), value);
        }
        assertThrows(InvalidSeedException.class, () -> PublicRandomness.parse("dlt 25076").requireValue("02 11 19 28 33 + 09 04"));
        assertThrows(InvalidSeedException.class, () -> PublicRandomness.parse("drand 1").requireValue("AB".repeat(32)));
        assertThrows(InvalidSeedException.class, () -> PublicRandomness.parse("nist 1").requireValue("0f".repeat(64)));
        assertThrows(InvalidSeedException.class, () -> PublicRandomness.parse("drand 1").requireValue(null));
        for (String bad : List.of("ssq", "ssq 25076", "dlt 2025076", "drand 0", "drand -1", "nist 01", "lotto 1", "SSQ 2025076",
                "ssq  2025076", "ssq 2025076 x", "")) {
            assertThrows(InvalidSeedException.class, () -> PublicRandomness.parse(bad), bad);
        }
    }
}
