package cn.doublerandom.draw.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** DRAW-1 §5 record texts and the hash chain. */
class LedgerRecordTest {
    private static final String NONCE = "00112233445566778899aabbccddeeff";
    private static final Instant AT = Instant.parse("2025-07-01T02:03:04Z");

    private static LedgerRecord.Header header(long seq) {
        return new LedgerRecord.Header(seq, "D1", "130123", "2025Q3", AT);
    }

    @Test
    void voidRecordTextAndHash() {
        String text = LedgerRecord.voidDraw(header(1), "duplicate draw");
        assertEquals("seq 1\nvoid D1\nauthority 130123\nquarter 2025Q3\nreason duplicate draw\n"
                + "at 2025-07-01T02:03:04Z\n", text);
        // python3: sha256(("0"*64 + "\n" + text).encode())
        assertEquals("98f0a9090f6d887a734420f20d454f28c4bc2d33d4a4c7f51d5fdabd8503f602",
                LedgerRecord.recordHash(LedgerRecord.GENESIS_HASH, text));
    }

    @Test
    void prepareRecord() {
        String pool = Sha256.hex("pool");
        String text = LedgerRecord.prepare(header(2), LedgerRecord.DrawType.UNDIRECTED, null,
                List.of("1", "7"), LocalDate.of(2025, 7, 1), pool, Seed.commit(NONCE), null);
        assertEquals("seq 2\nprepare D1\nauthority 130123\nquarter 2025Q3\ndraw UNDIRECTED\nfilter -\n"
                + "items 1,7\ndate 2025-07-01\npool " + pool + "\ncommit " + Seed.commit(NONCE)
                + "\nreplaces -\nat 2025-07-01T02:03:04Z\n", text);
    }

    @Test
    void formatTwoAddsTheSaltLineAndNothingElse() {
        String pool = Sha256.hex("pool");
        String salt = "000102030405060708090a0b0c0d0e0f";
        String v1 = LedgerRecord.prepare(header(2), LedgerRecord.DrawType.UNDIRECTED, null, List.of("1", "7"),
                LocalDate.of(2025, 7, 1), pool, Seed.commit(NONCE), null, null, null);
        String v2 = LedgerRecord.prepare(header(2), LedgerRecord.DrawType.UNDIRECTED, null, List.of("1", "7"),
                LocalDate.of(2025, 7, 1), pool, Seed.commit(NONCE), null, PublicRandomness.parse("ssq 2026118"), salt);
        assertEquals(v1.replace("\nat ", "\nrandomness ssq 2026118\nsalt " + salt + "\nat "), v2);
        assertEquals(salt, PoolCommitment.saltOf(v2));
        assertEquals(null, PoolCommitment.saltOf(v1));
        String sub = LedgerRecord.substitute(header(3), "ill", "91130100MA0000000X", List.of("A", "B"), salt);
        assertEquals("seq 3\nsubstitute D1\nauthority 130123\nquarter 2025Q3\nreason ill\nteam 91130100MA0000000X A,B\nsalt "
                + salt + "\nat 2025-07-01T02:03:04Z\n", sub);
        assertEquals(LedgerRecord.substitute(header(3), "ill", "91130100MA0000000X", List.of("A", "B")),
                sub.replace("salt " + salt + "\n", ""));
        // the documented vector: printf %s "$SALT$POOLHASH" | sha256sum
        assertEquals("1ff3a9fac072bd80279187b54ee49c81f72351de2a0ab9833e0c863e99b8d0b5",
                PoolCommitment.of(salt, Sha256.hex("")));
        for (String bad : new String[]{"", "00", salt.toUpperCase(), salt + "0", "g" + salt.substring(1), null}) {
            assertThrows(InvalidRecordException.class, () -> PoolCommitment.of(bad, pool), "salt " + bad);
            assertThrows(InvalidRecordException.class, () -> LedgerRecord.prepare(header(2), LedgerRecord.DrawType.UNDIRECTED, null,
                    List.of("1"), LocalDate.of(2025, 7, 1), pool, Seed.commit(NONCE), null, null, bad == null ? "x" : bad));
        }
    }

    @Test
    void executeAndFailRecords() {
        DrawOutcome.Success ok = assertInstanceOf(DrawOutcome.Success.class,
                Draw1.run(PoolSnapshot.parse(PoolSnapshotTest.TEXT), Seed.combine("", NONCE)));
        String text = LedgerRecord.execute(header(3), "", NONCE, ok);
        StringBuilder expected = new StringBuilder("seq 3\nexecute D1\nauthority 130123\nquarter 2025Q3\n"
                + "algorithm DRAW-1\ngiven -\nnonce " + NONCE + "\nseed |" + NONCE + "\n");
        ok.resultLines().forEach(l -> expected.append(l).append('\n'));
        expected.append("at 2025-07-01T02:03:04Z\n");
        assertEquals(expected.toString(), text);
        assertTrue(text.contains("\ntarget "));
        assertTrue(text.contains("\nteam "));

        String fail = LedgerRecord.fail(header(4), "3 5 6", NONCE, "target X has 1 of 2");
        assertTrue(fail.contains("\nfail D1\n"));
        assertTrue(fail.contains("\ngiven 3 5 6\nnonce " + NONCE + "\nseed 3 5 6|" + NONCE + "\nreason target X has 1 of 2\n"));
        String sub = LedgerRecord.substitute(header(5), "ill", "U1", List.of("INS-1", "INS-3"));
        assertTrue(sub.contains("\nsubstitute D1\n") && sub.contains("\nreason ill\nteam U1 INS-1,INS-3\nat "));
    }

    @Test
    void resultTextIsTheResultLinesJoined() {
        DrawOutcome.Success ok = assertInstanceOf(DrawOutcome.Success.class,
                Draw1.run(PoolSnapshot.parse(PoolSnapshotTest.TEXT), Seed.combine("", NONCE)));
        assertEquals(String.join("\n", ok.resultLines()), ok.resultText());
        DrawOutcome.Success relaxed = new DrawOutcome.Success(ok.targets(), ok.teams(),
                List.of(ok.targets().get(0).uscc()), ok.shortfalls(), ok.cap());
        assertEquals(String.join("\n", relaxed.resultLines()), relaxed.resultText());
        assertTrue(relaxed.resultText().endsWith("\nrelaxed " + ok.targets().get(0).uscc()));
        // nothing selected: no result line, and no empty line in the record
        DrawOutcome.Success none = new DrawOutcome.Success(List.of(), List.of(), List.of(), List.of(), 0);
        assertEquals("", none.resultText());
        assertEquals("seq 3\nexecute D1\nauthority 130123\nquarter 2025Q3\nalgorithm DRAW-1\ngiven -\nnonce " + NONCE
                + "\nseed |" + NONCE + "\nat 2025-07-01T02:03:04Z\n", LedgerRecord.execute(header(3), "", NONCE, none));
    }

    @Test
    void rejectsMultiLineTextsAndBadFields() {
        assertThrows(InvalidRecordException.class, () -> LedgerRecord.voidDraw(header(1), "a\nb"));
        assertThrows(InvalidRecordException.class, () -> LedgerRecord.voidDraw(header(1), "a\rb"));
        assertThrows(InvalidRecordException.class, () -> LedgerRecord.voidDraw(header(1), "a\u2028b"));
        assertThrows(InvalidRecordException.class, () -> LedgerRecord.voidDraw(header(1), ""));
        assertThrows(InvalidRecordException.class,
                () -> new LedgerRecord.Header(1, "D1", "130123", "2025Q3", AT.plusMillis(5)));
        assertThrows(InvalidRecordException.class, () -> new LedgerRecord.Header(1, "D 1", "130123", "2025Q3", AT));
        assertThrows(InvalidRecordException.class, () -> new LedgerRecord.Header(1, "D1", "130123", "2025Q5", AT));
        assertThrows(InvalidRecordException.class, () -> new LedgerRecord.Header(0, "D1", "130123", "2025Q3", AT));
    }

    @Test
    void chainVerifierFindsTheFirstBrokenLink() {
        List<LedgerChain.StoredRecord> chain = new ArrayList<>();
        String prev = LedgerRecord.GENESIS_HASH;
        for (int seq = 1; seq <= 5; seq++) {
            String text = LedgerRecord.voidDraw(header(seq), "reason " + seq);
            String hash = LedgerRecord.recordHash(prev, text);
            chain.add(new LedgerChain.StoredRecord(text, hash));
            prev = hash;
        }
        assertEquals(Optional.empty(), LedgerChain.verify(chain));

        // Text modified, hash left alone: caught at that record.
        List<LedgerChain.StoredRecord> edited = new ArrayList<>(chain);
        edited.set(2, new LedgerChain.StoredRecord(chain.get(2).text().replace("reason 3", "reason X"),
                chain.get(2).hash()));
        LedgerChain.Break b = LedgerChain.verify(edited).orElseThrow();
        assertEquals(2, b.index());
        assertEquals(3, b.seq());

        // Text modified and re-hashed: caught at the next record.
        String newText = chain.get(2).text().replace("reason 3", "reason X");
        edited.set(2, new LedgerChain.StoredRecord(newText, LedgerRecord.recordHash(chain.get(1).hash(), newText)));
        b = LedgerChain.verify(edited).orElseThrow();
        assertEquals(3, b.index());
        assertEquals(4, b.seq());

        // A deleted record breaks the seq numbering.
        List<LedgerChain.StoredRecord> gap = new ArrayList<>(chain);
        gap.remove(1);
        b = LedgerChain.verify(gap).orElseThrow();
        assertEquals(1, b.index());
        assertTrue(b.reason().contains("seq 2"), b.reason());
    }
}
