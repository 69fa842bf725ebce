package cn.doublerandom.draw.engine;

import java.util.Optional;

/**
 * Verifies the ledger's hash chain (DRAW-1 §5): each record's {@code seq} follows the previous
 * one and its stored hash is {@code SHA-256(prevHash + "\n" + text)}. A record whose text was
 * changed and re-hashed is caught at the next record, whose hash covers the original.
 */
public final class LedgerChain {
    private LedgerChain() {
    }

    /** A record as stored: its canonical text and its stored hash. */
    public record StoredRecord(String text, String hash) {
    }

    /**
     * The first broken link.
     *
     * @param index 0-based position in the verified list
     * @param seq   the seq the record should have had
     */
    public record Break(int index, long seq, String reason) {
    }

    /** Verifies a whole ledger from {@code seq 1} and the all-zero genesis hash. */
    public static Optional<Break> verify(Iterable<StoredRecord> records) {
        return verify(LedgerRecord.GENESIS_HASH, 1, records);
    }

    /** Verifies a run of records that follows a record with hash {@code prevHash}, starting at {@code firstSeq}. */
    public static Optional<Break> verify(String prevHash, long firstSeq, Iterable<StoredRecord> records) {
        String prev = prevHash;
        long seq = firstSeq;
        int index = 0;
        for (StoredRecord r : records) {
            String text = r.text();
            String expectedStart = "seq " + seq + "\n";
            if (text == null || !text.startsWith(expectedStart)) {
                String first = text == null ? "" : text.lines().findFirst().orElse("");
                return Optional.of(new Break(index, seq, "expected first line \"seq " + seq
                        + "\", found \"" + first + "\""));
            }
            if (!text.endsWith("\n")) {
                return Optional.of(new Break(index, seq, "text does not end in a line break"));
            }
            String computed = Sha256.hex(prev + "\n" + text);
            if (!computed.equals(r.hash())) {
                return Optional.of(new Break(index, seq, "stored hash " + r.hash()
                        + " differs from the recomputed " + computed
                        + " (this record or an earlier one was changed)"));
            }
            prev = r.hash();
            seq++;
            index++;
        }
        return Optional.empty();
    }
}
