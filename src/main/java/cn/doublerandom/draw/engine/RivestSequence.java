package cn.doublerandom.draw.engine;

import java.nio.charset.StandardCharsets;
import java.security.DigestException;
import java.security.MessageDigest;
import java.util.BitSet;
import java.util.NoSuchElementException;
import java.util.PrimitiveIterator;

/**
 * The draw order of Rivest's 2011 sampler (DRAW-1 §3): for seed {@code U} and items 1..n, the
 * candidate at count c = 1, 2, 3, … is {@code 1 + (SHA-256(UTF-8(U + "," + c)) mod n)}; items
 * already met are skipped (the count still advances); the sequence ends once all n are met.
 *
 * <p>Iterates 1-based item numbers. Walking to the end costs about n·ln n hashes (coupon
 * collector), which only a short team needs. Not thread-safe.
 */
public final class RivestSequence implements PrimitiveIterator.OfInt {
    private final int n;
    /** Digest that has absorbed UTF-8(U + ","), so each count hashes only its digits. */
    private final MessageDigest prefix;
    private final byte[] out = new byte[32];
    private final BitSet met;
    private int metCount;
    private long count;

    public RivestSequence(String u, int n) {
        this(u, n, Sha256.newDigest());
    }

    /** As {@link #RivestSequence(String, int)}, reusing {@code digest} (it is reset) to spare a lookup. */
    RivestSequence(String u, int n, MessageDigest digest) {
        if (n < 1) {
            throw new IllegalArgumentException("a sequence needs at least one item, got n = " + n);
        }
        this.n = n;
        this.prefix = digest;
        prefix.reset();
        prefix.update((u + ",").getBytes(StandardCharsets.UTF_8));
        this.met = new BitSet(n);
    }

    /** The raw candidate at count {@code c} (before skipping), 1-based. */
    public static int candidate(String u, long c, int n) {
        return 1 + mod(Sha256.digest(u + "," + c), n);
    }

    @Override
    public boolean hasNext() {
        return metCount < n;
    }

    @Override
    public int nextInt() {
        if (!hasNext()) {
            throw new NoSuchElementException("all " + n + " items have been met");
        }
        while (true) {
            count++;
            int item = 1 + mod(hash(count), n);
            if (!met.get(item - 1)) {
                met.set(item - 1);
                metCount++;
                return item;
            }
        }
    }

    /** The count c at which the last returned item appeared. */
    public long count() {
        return count;
    }

    private byte[] hash(long c) {
        try {
            MessageDigest md = (MessageDigest) prefix.clone();
            md.update(Long.toString(c).getBytes(StandardCharsets.US_ASCII));
            md.digest(out, 0, 32);
            return out;
        } catch (CloneNotSupportedException | DigestException e) {
            throw new IllegalStateException("SHA-256 digest failed", e);
        }
    }

    /** Unsigned big-endian 256-bit value mod n, by Horner over 32-bit limbs (n < 2^31). */
    private static int mod(byte[] digest, int n) {
        long r = 0;
        for (int i = 0; i < 32; i += 4) {
            long limb = ((digest[i] & 0xFFL) << 24) | ((digest[i + 1] & 0xFFL) << 16)
                    | ((digest[i + 2] & 0xFFL) << 8) | (digest[i + 3] & 0xFFL);
            r = ((r << 32) | limb) % n;
        }
        return (int) r;
    }
}
