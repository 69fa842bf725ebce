package cn.doublerandom.draw.engine;

import java.nio.charset.StandardCharsets;
import java.util.AbstractList;
import java.util.Arrays;
import java.util.Objects;
import java.util.RandomAccess;

/**
 * USCCs as a snapshot's T lines hold them (DRAW-1 §4: {@code [0-9A-Z-]{1,32}}, so one byte per
 * character), packed in one byte array as UTF-8, whose unsigned order is DRAW-1's byte order.
 * A province's pool is then two arrays, where as strings it was one object per target that the
 * collector had to copy from prepare to execute. Read as a {@code List<String>}, each {@link #get} makes its string.
 *
 * <p>Built by an {@link Appender}: {@link Appender#sortedUnique()} gives the ids in byte order without
 * duplicates, the form of a snapshot's strata; {@link Appender#inOrder()} keeps them as added.
 */
public final class PackedIds extends AbstractList<String> implements RandomAccess {

    /** No ids. */
    public static final PackedIds EMPTY = new PackedIds(new byte[0], new int[1], 0, true);

    private final byte[] bytes;
    /** Where id {@code i} starts; {@code starts[size]} is where the last one ends. */
    private final int[] starts;
    private final int size;
    private final boolean sorted;

    private PackedIds(byte[] bytes, int[] starts, int size, boolean sorted) {
        this.bytes = bytes;
        this.starts = starts;
        this.size = size;
        this.sorted = sorted;
    }

    @Override
    public int size() {
        return size;
    }

    @Override
    public String get(int i) {
        Objects.checkIndex(i, size);
        return new String(bytes, starts[i], starts[i + 1] - starts[i], StandardCharsets.UTF_8);
    }

    /** Where id {@code i} starts in {@link #bytes()}. */
    int start(int i) {
        return starts[i];
    }

    /** The length of id {@code i} in bytes (for a USCC, in characters too). */
    int length(int i) {
        return starts[i + 1] - starts[i];
    }

    /** The packed bytes; read only. */
    byte[] bytes() {
        return bytes;
    }

    /** The bytes the ids take, without separators. */
    long byteCount() {
        return starts[size];
    }

    /** Byte order of id {@code i} of {@code a} and id {@code j} of {@code b}. */
    static int compare(PackedIds a, int i, PackedIds b, int j) {
        return Arrays.compareUnsigned(a.bytes, a.starts[i], a.starts[i + 1], b.bytes, b.starts[j], b.starts[j + 1]);
    }

    /** A binary search when sorted ({@link Appender#sortedUnique()}): {@code contains} is then cheap. */
    @Override
    public int indexOf(Object o) {
        if (!(o instanceof String s)) {
            return -1;
        }
        byte[] key = s.getBytes(StandardCharsets.UTF_8);
        if (!sorted) {
            for (int i = 0; i < size; i++) {
                if (Arrays.equals(bytes, starts[i], starts[i + 1], key, 0, key.length)) {
                    return i;
                }
            }
            return -1;
        }
        int lo = 0;
        int hi = size - 1;
        while (lo <= hi) {
            int mid = (lo + hi) >>> 1;
            int c = Arrays.compareUnsigned(bytes, starts[mid], starts[mid + 1], key, 0, key.length);
            if (c == 0) {
                return mid;
            }
            if (c < 0) {
                lo = mid + 1;
            } else {
                hi = mid - 1;
            }
        }
        return -1;
    }

    @Override
    public boolean contains(Object o) {
        return indexOf(o) >= 0;
    }

    /** Collects ids, each checked against {@code [0-9A-Z-]{1,32}} as it is added. */
    public static Appender appender() {
        return new Appender();
    }

    /** Ids as they are added; not thread-safe. */
    public static final class Appender {
        private byte[] bytes = new byte[256];
        private int[] starts = new int[17];
        private int size;

        private Appender() {
        }

        /** Adds a USCC; rejects one that does not match {@code [0-9A-Z-]{1,32}}, as a snapshot's T line would. */
        public Appender add(String id) {
            PoolSnapshot.checkCode("USCC", id, 0);
            int at = reserve(id.length());
            for (int i = 0; i < id.length(); i++) {
                bytes[at + i] = (byte) id.charAt(i);
            }
            return this;
        }

        /** Adds any id, unchecked, as its UTF-8 bytes: §1's tickets take any string, as {@link StratumSelection} does. */
        Appender addAny(String id) {
            byte[] utf8 = id.getBytes(StandardCharsets.UTF_8);
            int at = reserve(utf8.length); // before reading bytes: reserving may replace the array
            System.arraycopy(utf8, 0, bytes, at, utf8.length);
            return this;
        }

        /** Adds the USCC held in {@code src[from, from + length)} as ASCII bytes; checked as {@link #add(String)}. */
        public Appender add(byte[] src, int from, int length) {
            boolean valid = length >= 1 && length <= 32;
            for (int i = from; valid && i < from + length; i++) {
                valid = PoolSnapshot.codeChar((char) src[i], false);
            }
            if (!valid) {
                PoolSnapshot.checkCode("USCC", new String(src, from, Math.max(0, length), StandardCharsets.ISO_8859_1), 0);
            }
            int at = reserve(length); // before reading bytes: reserving may replace the array
            System.arraycopy(src, from, bytes, at, length);
            return this;
        }

        /** Adds every id of {@code other}, in its order (they were checked when added there). */
        public Appender addAll(Appender other) {
            int used = starts[size];
            int more = other.starts[other.size];
            ensure(used + more, size + other.size);
            System.arraycopy(other.bytes, 0, bytes, used, more);
            for (int i = 1; i <= other.size; i++) {
                starts[size + i] = used + other.starts[i];
            }
            size += other.size;
            return this;
        }

        /** How many ids were added. */
        public int size() {
            return size;
        }

        /** The ids in the order they were added, duplicates included. */
        public PackedIds inOrder() {
            return new PackedIds(Arrays.copyOf(bytes, starts[size]), Arrays.copyOf(starts, size + 1), size, false);
        }

        /**
         * The ids in byte order without duplicates. Ids that arrive in order (a snapshot parsed, a pool read
         * in USCC order) are checked in one pass and kept as they are; others are sorted.
         */
        public PackedIds sortedUnique() {
            PackedIds added = new PackedIds(bytes, starts, size, false);
            boolean strictlyIncreasing = true;
            for (int i = 1; i < size && strictlyIncreasing; i++) {
                strictlyIncreasing = compare(added, i - 1, added, i) < 0;
            }
            if (strictlyIncreasing) {
                return new PackedIds(Arrays.copyOf(bytes, starts[size]), Arrays.copyOf(starts, size + 1), size, true);
            }
            int[] order = new int[size];
            for (int i = 0; i < size; i++) {
                order[i] = i;
            }
            IndexSort.sort(order, (a, b) -> compare(added, a, added, b));
            byte[] outBytes = new byte[starts[size]];
            int[] outStarts = new int[size + 1];
            int n = 0;
            int at = 0;
            for (int k = 0; k < size; k++) {
                int i = order[k];
                if (n > 0 && compare(added, order[k - 1], added, i) == 0) {
                    continue; // a duplicate of the id kept just before
                }
                int length = starts[i + 1] - starts[i];
                System.arraycopy(bytes, starts[i], outBytes, at, length);
                at += length;
                outStarts[++n] = at;
            }
            return new PackedIds(n == size ? outBytes : Arrays.copyOf(outBytes, at),
                    n == size ? outStarts : Arrays.copyOf(outStarts, n + 1), n, true);
        }

        /** Room for one more id of {@code length} bytes; returns where it goes. */
        private int reserve(int length) {
            int at = starts[size];
            ensure(at + length, size + 1);
            starts[++size] = at + length;
            return at;
        }

        private void ensure(int byteCount, int idCount) {
            if (byteCount > bytes.length) {
                bytes = Arrays.copyOf(bytes, Math.max(byteCount, bytes.length * 2));
            }
            if (idCount + 1 > starts.length) {
                starts = Arrays.copyOf(starts, Math.max(idCount + 1, starts.length * 2));
            }
        }
    }
}
