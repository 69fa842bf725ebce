package cn.doublerandom.portal.search;

import java.util.Arrays;

/**
 * An in-memory bigram index of published enterprise names (企业名称), for the portal's substring
 * search. PostgreSQL's trigram index cannot serve a two-character Chinese query (a trigram needs
 * three characters; such a query scans the whole table) and reads huge posting lists for the
 * fragments that every name shares (有限公司, the city's name); this index answers both without a
 * scan by walking the posting lists of the query's bigrams newest first, leapfrogging from
 * one list to the other, and stopping as soon as a page is full.
 *
 * <p>Documents are publications in their sequence order ({@code publication.seq}), added in that
 * order only, so a document's number is its rank in the portal's order (newest = highest). The
 * match is the same as SQL's case-sensitive {@code LIKE '%q%'}: bigrams only find candidates, each
 * candidate's name is compared in full. Memory grows with the names: a posting per bigram of each
 * name, its characters, and a few fields per document.
 *
 * <p>Not thread-safe: one writer appends while holding the caller's write lock; readers search
 * under its read lock.
 */
public final class NameIndex {

    /** What a search may also require; {@code NONE} (or -1 for ints) means no condition. */
    public record Conditions(int regionLow, int regionHigh, int quarter, int fromDay, int toDay) {
        public static final Conditions NONE = new Conditions(-1, -1, -1, Integer.MIN_VALUE, Integer.MAX_VALUE);

        boolean anyDay() {
            return fromDay == Integer.MIN_VALUE && toDay == Integer.MAX_VALUE;
        }

        boolean accept(NameIndex x, int doc) {
            int region = x.region[doc];
            return (regionLow < 0 || (region >= regionLow && region <= regionHigh))
                    && (quarter < 0 || x.quarter[doc] == quarter)
                    && x.inspectionDay[doc] >= fromDay && x.inspectionDay[doc] <= toDay;
        }
    }

    private int size;
    private long[] seq = new long[1024];
    private int[] region = new int[1024];
    private int[] quarter = new int[1024];
    private int[] inspectionDay = new int[1024];
    private int[] nameStart = new int[1025];
    private char[] names = new char[16 * 1024];
    private final Postings postings = new Postings();
    /** Documents per region and quarter (key region × 100000 + quarter): a list's total without a scan. */
    private final java.util.HashMap<Long, int[]> tally = new java.util.HashMap<>();

    public int size() {
        return size;
    }

    /** The sequence number of the newest document, or 0 when empty. */
    public long lastSeq() {
        return size == 0 ? 0 : seq[size - 1];
    }

    /**
     * Adds one publication. Sequence numbers must increase: the index is the publication order.
     *
     * @param quarter year × 10 + quarter number (2026Q3 = 20263)
     */
    public void add(long seqNo, String name, int regionCode, int quarterCode, int inspectionEpochDay) {
        if (size > 0 && seqNo <= seq[size - 1]) {
            throw new IllegalArgumentException("publication " + seqNo + " after " + seq[size - 1]);
        }
        if (size == seq.length) {
            int n = size + (size >> 1) + 16;
            seq = Arrays.copyOf(seq, n);
            region = Arrays.copyOf(region, n);
            quarter = Arrays.copyOf(quarter, n);
            inspectionDay = Arrays.copyOf(inspectionDay, n);
            nameStart = Arrays.copyOf(nameStart, n + 1);
        }
        int start = nameStart[size];
        if (start + name.length() > names.length) {
            names = Arrays.copyOf(names, Math.max(names.length + (names.length >> 1), start + name.length()));
        }
        name.getChars(0, name.length(), names, start);
        int doc = size;
        seq[doc] = seqNo;
        region[doc] = regionCode;
        quarter[doc] = quarterCode;
        inspectionDay[doc] = inspectionEpochDay;
        nameStart[doc + 1] = start + name.length();
        tally.computeIfAbsent(regionCode * 100_000L + quarterCode, k -> new int[1])[0]++;
        for (int i = 0; i + 1 < name.length(); i++) {
            postings.add(bigram(name.charAt(i), name.charAt(i + 1)), doc);
        }
        size++;
    }

    /** Releases the spare capacity left by growth (after a bulk load). */
    public void trim() {
        int capacity = Math.max(size, 1);
        seq = Arrays.copyOf(seq, capacity);
        region = Arrays.copyOf(region, capacity);
        quarter = Arrays.copyOf(quarter, capacity);
        inspectionDay = Arrays.copyOf(inspectionDay, capacity);
        nameStart = Arrays.copyOf(nameStart, capacity + 1);
        names = Arrays.copyOf(names, Math.max(nameStart[size], 1));
        postings.trim();
    }

    /**
     * The sequence numbers of the newest {@code max} publications whose name contains {@code text}
     * (two or more characters) and that meet the conditions, older than {@code beforeSeq} (the
     * keyset cursor; {@code Long.MAX_VALUE} for the first page), newest first.
     */
    public long[] search(String text, Conditions conditions, long beforeSeq, int max) {
        long[] out = new long[max];
        int found = search(text, conditions, beforeSeq, max, out);
        return Arrays.copyOf(out, found);
    }

    /** The matches' sequence numbers into {@code out} (or only counted, when it is null), at most {@code max}; how many. */
    private int search(String text, Conditions conditions, long beforeSeq, int max, long[] out) {
        if (text.length() < 2) {
            throw new IllegalArgumentException("a search needs two or more characters");
        }
        int[][] lists = new int[text.length() - 1][];
        int[] lengths = new int[lists.length];
        int distinct = 0;
        for (int i = 0; i + 1 < text.length(); i++) {
            int slot = postings.slot(bigram(text.charAt(i), text.charAt(i + 1)));
            if (slot < 0) {
                return 0;
            }
            int[] list = postings.lists[slot];
            boolean seen = false;
            for (int j = 0; j < distinct; j++) {
                seen |= lists[j] == list;
            }
            if (!seen) {
                lists[distinct] = list;
                lengths[distinct++] = postings.sizes[slot];
            }
        }
        // the shortest list leads: it proposes the fewest candidates
        Integer[] order = new Integer[distinct];
        for (int i = 0; i < distinct; i++) {
            order[i] = i;
        }
        Arrays.sort(order, (a, b) -> Integer.compare(lengths[a], lengths[b]));
        int[][] l = new int[distinct][];
        int[] pos = new int[distinct];
        int limitDoc = firstDocBefore(beforeSeq);
        for (int i = 0; i < distinct; i++) {
            l[i] = lists[order[i]];
            pos[i] = lengths[order[i]] - 1;
        }
        int found = 0;
        int candidate = limitDoc;
        while (found < max && candidate >= 0) {
            // leapfrog: every list moves to its largest document <= candidate; a smaller one lowers the candidate
            boolean agreed = true;
            for (int i = 0; i < distinct; i++) {
                int p = seekAtMost(l[i], pos[i], candidate);
                pos[i] = p;
                if (p < 0) {
                    return found;
                }
                if (l[i][p] < candidate) {
                    candidate = l[i][p];
                    agreed = false;
                    break;
                }
            }
            if (!agreed) {
                continue;
            }
            if (conditions.accept(this, candidate) && nameContains(candidate, text)) {
                if (out != null) {
                    out[found] = seq[candidate];
                }
                found++;
            }
            candidate--;
        }
        return found;
    }

    /** A number of publications; {@code atLeast} when counting stopped at the cap. */
    public record Count(long n, boolean atLeast) {
    }

    /**
     * How many publications meet the conditions and, when {@code text} is not null, have it in their
     * name. Without a name or a date range it adds up the tally of each region and quarter, exactly;
     * otherwise it walks the documents (the name's posting lists) and stops at {@code cap}.
     */
    public Count count(String text, Conditions conditions, int cap) {
        if (text != null) {
            int n = search(text, conditions, Long.MAX_VALUE, cap + 1, null);
            return new Count(Math.min(n, cap), n > cap);
        }
        long n = 0;
        if (conditions.anyDay()) {
            for (var e : tally.entrySet()) {
                int r = (int) (e.getKey() / 100_000L);
                int q = (int) (e.getKey() % 100_000L);
                if ((conditions.regionLow() < 0 || (r >= conditions.regionLow() && r <= conditions.regionHigh()))
                        && (conditions.quarter() < 0 || q == conditions.quarter())) {
                    n += e.getValue()[0];
                }
            }
            return new Count(n, false);
        }
        for (int doc = size - 1; doc >= 0; doc--) {
            if (conditions.accept(this, doc) && ++n > cap) {
                return new Count(cap, true);
            }
        }
        return new Count(n, false);
    }

    /** The highest document whose sequence number is below {@code beforeSeq}, or -1. */
    private int firstDocBefore(long beforeSeq) {
        int i = Arrays.binarySearch(seq, 0, size, beforeSeq);
        return (i >= 0 ? i : -i - 1) - 1;
    }

    /** The largest index ≤ from whose value is ≤ target (values ascend), by galloping down; -1 if none. */
    private static int seekAtMost(int[] list, int from, int target) {
        if (from < 0 || list[from] <= target) {
            return from;
        }
        int step = 1;
        int hi = from;
        int lo = from - step;
        while (lo >= 0 && list[lo] > target) {
            hi = lo;
            step <<= 1;
            lo = from - step;
        }
        // list[hi] > target; list[lo] <= target (or lo < 0)
        int a = Math.max(lo, -1);
        int b = hi;
        while (b - a > 1) {
            int m = (a + b) >>> 1;
            if (list[m] <= target) {
                a = m;
            } else {
                b = m;
            }
        }
        return a;
    }

    private boolean nameContains(int doc, String text) {
        int start = nameStart[doc];
        int end = nameStart[doc + 1];
        int n = text.length();
        char first = text.charAt(0);
        for (int i = start; i + n <= end; i++) {
            if (names[i] != first) {
                continue;
            }
            int k = 1;
            while (k < n && names[i + k] == text.charAt(k)) {
                k++;
            }
            if (k == n) {
                return true;
            }
        }
        return false;
    }

    private static int bigram(char a, char b) {
        return (a << 16) | b;
    }

    /** Posting lists by bigram: an open-addressing map from the bigram to an ascending list of documents. */
    private static final class Postings {
        private static final int EMPTY = 0;
        private int[] keys = new int[1 << 12];
        private int[] slotOf = new int[1 << 12];
        private int used;
        int[][] lists = new int[1 << 10][];
        int[] sizes = new int[1 << 10];

        /** The list number of a bigram, or -1. The key 0 (two NUL characters) never occurs in a name. */
        int slot(int key) {
            if (key == EMPTY) {
                return -1;
            }
            int mask = keys.length - 1;
            for (int i = mix(key) & mask; ; i = (i + 1) & mask) {
                if (keys[i] == key) {
                    return slotOf[i];
                }
                if (keys[i] == EMPTY) {
                    return -1;
                }
            }
        }

        void add(int key, int doc) {
            if (key == EMPTY) {
                return;
            }
            int s = slot(key);
            if (s < 0) {
                s = insert(key);
            }
            int[] list = lists[s];
            int n = sizes[s];
            if (n > 0 && list[n - 1] == doc) {
                return; // the same bigram twice in one name
            }
            if (n == list.length) {
                list = Arrays.copyOf(list, n + (n >> 1) + 2);
                lists[s] = list;
            }
            list[n] = doc;
            sizes[s] = n + 1;
        }

        private int insert(int key) {
            if ((used + 1) * 2 > keys.length) {
                rehash();
            }
            int mask = keys.length - 1;
            int i = mix(key) & mask;
            while (keys[i] != EMPTY) {
                i = (i + 1) & mask;
            }
            keys[i] = key;
            if (used == lists.length) {
                lists = Arrays.copyOf(lists, used * 2);
                sizes = Arrays.copyOf(sizes, used * 2);
            }
            lists[used] = new int[2];
            slotOf[i] = used;
            return used++;
        }

        private void rehash() {
            int[] oldKeys = keys;
            int[] oldSlots = slotOf;
            keys = new int[oldKeys.length * 2];
            slotOf = new int[oldKeys.length * 2];
            int mask = keys.length - 1;
            for (int j = 0; j < oldKeys.length; j++) {
                if (oldKeys[j] != EMPTY) {
                    int i = mix(oldKeys[j]) & mask;
                    while (keys[i] != EMPTY) {
                        i = (i + 1) & mask;
                    }
                    keys[i] = oldKeys[j];
                    slotOf[i] = oldSlots[j];
                }
            }
        }

        void trim() {
            for (int s = 0; s < used; s++) {
                lists[s] = Arrays.copyOf(lists[s], sizes[s]);
            }
        }

        private static int mix(int key) {
            int h = key * 0x9E3779B9;
            return h ^ (h >>> 16);
        }
    }
}
