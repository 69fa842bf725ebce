package cn.doublerandom.draw.engine;

import java.nio.charset.StandardCharsets;
import java.security.DigestException;
import java.security.MessageDigest;

/**
 * DRAW-1 §1 tickets for one seed {@code S}:
 * {@code h = hex(SHA-256(UTF-8(S)))}, {@code n = SHA-256(UTF-8(h + X))} unsigned,
 * {@code ticket = "0." + reverse(n in decimal, left-padded with "0" to 64 digits)}.
 *
 * <p>{@link #sortKey(String)} is the ticket's first 18 digits as a {@code long}: they are the
 * 18 low decimal digits of {@code n} reversed, so two divisions by 10^9 over the digest suffice
 * (no BigInteger per id). Equal keys fall back to {@link #compare}: the full ticket, then the id
 * in byte order.
 *
 * <p>Not thread-safe (it reuses a digest); use one instance per thread.
 */
public final class Tickets {
    private static final long E9 = 1_000_000_000L;

    private final Seed seed;
    private final String h;
    /** Digest that has absorbed h: h is 64 ASCII bytes, exactly one SHA-256 block. */
    private final MessageDigest prefed;
    private final boolean cloneable;
    private final byte[] out = new byte[32];

    public Tickets(Seed seed) {
        this.seed = seed;
        this.h = Sha256.hex(seed.value());
        this.prefed = Sha256.newDigest();
        prefed.update(h.getBytes(StandardCharsets.US_ASCII));
        this.cloneable = canClone(prefed);
    }

    public Tickets(String seed) {
        this(Seed.of(seed));
    }

    public Seed seed() {
        return seed;
    }

    /** The 64-character {@code h} of §1. */
    public String seedHash() {
        return h;
    }

    /** {@code SHA-256(UTF-8(h + id))}; returns an internal buffer, valid until the next call. */
    private byte[] hashInto(String id) {
        byte[] utf8 = id.getBytes(StandardCharsets.UTF_8);
        return hashInto(utf8, 0, utf8.length);
    }

    /** {@code SHA-256(h + id)} for an id given as its UTF-8 bytes; returns an internal buffer, valid until the next call. */
    private byte[] hashInto(byte[] id, int from, int length) {
        try {
            MessageDigest md;
            if (cloneable) {
                md = (MessageDigest) prefed.clone();
            } else {
                md = Sha256.newDigest();
                md.update(h.getBytes(StandardCharsets.US_ASCII));
            }
            md.update(id, from, length);
            md.digest(out, 0, 32);
            return out;
        } catch (CloneNotSupportedException | DigestException e) {
            throw new IllegalStateException("SHA-256 digest failed", e);
        }
    }

    /** The exact §1 ticket string, e.g. {@code "0.26299714…"}. */
    public String ticket(String id) {
        return ticketOf(hashInto(id));
    }

    /** The ticket's first 18 digits as a number in [0, 10^18): orders tickets except on ties. */
    public long sortKey(String id) {
        return sortKeyOf(hashInto(id));
    }

    /** {@link #sortKey(String)} of id {@code i} of packed ids, without making its string. */
    long sortKey(PackedIds ids, int i) {
        return sortKeyOf(hashInto(ids.bytes(), ids.start(i), ids.length(i)));
    }

    /** Ticket order of §1: by ticket value, ties (practically never) by id in byte order. */
    public int compare(String idA, String idB) {
        int c = Long.compare(sortKey(idA), sortKey(idB));
        return c != 0 ? c : compareAfterKeyTie(idA, idB);
    }

    /** The full comparison once the 18-digit keys are equal. */
    int compareAfterKeyTie(String idA, String idB) {
        int c = ticket(idA).compareTo(ticket(idB));
        return c != 0 ? c : Utf8ByteOrder.compare(idA, idB);
    }

    /**
     * The "reversal step alone" of §1 applied to a 32-byte digest read as an unsigned integer.
     * Digits come out least significant first, which is already the reversed order, by dividing
     * the eight 32-bit limbs by 10^9 nine times (10^81 &gt; 2^256); no BigInteger needed.
     */
    public static String ticketOf(byte[] digest) {
        long[] limbs = new long[8];
        for (int i = 0; i < 8; i++) {
            limbs[i] = ((digest[4 * i] & 0xFFL) << 24) | ((digest[4 * i + 1] & 0xFFL) << 16)
                    | ((digest[4 * i + 2] & 0xFFL) << 8) | (digest[4 * i + 3] & 0xFFL);
        }
        char[] out = new char[2 + 81];
        out[0] = '0';
        out[1] = '.';
        int pos = 2;
        int lastNonZero = 1;
        for (int round = 0; round < 9; round++) {
            long rem = 0;
            for (int i = 0; i < 8; i++) {
                long cur = (rem << 32) | limbs[i];
                limbs[i] = cur / E9;
                rem = cur - limbs[i] * E9;
            }
            for (int k = 0; k < 9; k++) {
                int digit = (int) (rem % 10);
                rem /= 10;
                out[pos] = (char) ('0' + digit);
                if (digit != 0) {
                    lastNonZero = pos;
                }
                pos++;
            }
        }
        // Trailing zeros here are d's leading zeros: drop them, but keep at least 64 digits.
        return new String(out, 0, Math.max(lastNonZero + 1, 2 + 64));
    }

    /** Reverse of the 18 low decimal digits of the unsigned big-endian digest. */
    static long sortKeyOf(byte[] digest) {
        // Long division of the 256-bit number by 10^9 over 32-bit limbs: rem is n mod 10^9;
        // the quotient limbs are folded mod 10^9 on the fly, giving (n / 10^9) mod 10^9.
        long rem = 0;
        long rem2 = 0;
        for (int i = 0; i < 32; i += 4) {
            long limb = ((digest[i] & 0xFFL) << 24) | ((digest[i + 1] & 0xFFL) << 16)
                    | ((digest[i + 2] & 0xFFL) << 8) | (digest[i + 3] & 0xFFL);
            long cur = (rem << 32) | limb;
            long q = cur / E9;
            rem = cur - q * E9;
            rem2 = ((rem2 << 32) | q) % E9;
        }
        return reverse9(rem) * E9 + reverse9(rem2);
    }

    /** Reverses a number's 9 decimal digits, counting leading zeros: 123 → 321000000. */
    private static long reverse9(long x) {
        long r = 0;
        for (int i = 0; i < 9; i++) {
            r = r * 10 + x % 10;
            x /= 10;
        }
        return r;
    }

    private static boolean canClone(MessageDigest md) {
        try {
            md.clone();
            return true;
        } catch (CloneNotSupportedException e) {
            return false;
        }
    }
}
