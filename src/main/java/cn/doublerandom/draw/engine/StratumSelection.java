package cn.doublerandom.draw.engine;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * DRAW-1 §2 for one stratum: the first {@code k} ids of the pool in ticket order, ranks 1..k.
 * When the pool holds fewer than {@code k} ids the whole pool is selected and
 * {@link #shortfall()} says by how much.
 *
 * @param requested the quota k
 * @param poolSize  how many ids the pool had
 * @param selected  the selection in ticket order (rank 1 first)
 */
public record StratumSelection(Stratum stratum, int requested, long poolSize, List<SelectedTarget> selected) {

    public StratumSelection {
        selected = List.copyOf(selected);
    }

    /** How many fewer than the quota were selected (0 when the quota was met). */
    public int shortfall() {
        return requested - selected.size();
    }

    /**
     * Selects from {@code ids} (any order; must be distinct) in one pass. Memory is a bounded
     * max-heap of at most {@code k} entries, never the whole pool: the ids are only read.
     */
    public static StratumSelection select(Tickets tickets, Stratum stratum, Iterable<String> ids, int k) {
        if (k < 0) {
            throw new IllegalArgumentException("quota must not be negative: " + k);
        }
        TopK heap = new TopK(tickets, k);
        long pool = 0;
        for (String id : ids) {
            pool++;
            heap.offer(id);
        }
        String[] ordered = heap.drainAscending();
        List<SelectedTarget> out = new ArrayList<>(ordered.length);
        for (int i = 0; i < ordered.length; i++) {
            out.add(new SelectedTarget(stratum, ordered[i], i + 1, tickets.ticket(ordered[i])));
        }
        return new StratumSelection(stratum, k, pool, Collections.unmodifiableList(out));
    }

    /** Max-heap on (sort key, full ticket, id) keeping the k smallest seen so far. */
    private static final class TopK {
        private final Tickets tickets;
        private final int k;
        private long[] keys;
        private String[] ids;
        private int size;

        TopK(Tickets tickets, int k) {
            this.tickets = tickets;
            this.k = k;
            int initial = Math.min(k, 1024);
            keys = new long[initial];
            ids = new String[initial];
        }

        void offer(String id) {
            if (k == 0) {
                return;
            }
            long key = tickets.sortKey(id);
            if (size < k) {
                if (size == keys.length) {
                    int grown = (int) Math.min(k, Math.max(16L, keys.length * 2L));
                    keys = java.util.Arrays.copyOf(keys, grown);
                    ids = java.util.Arrays.copyOf(ids, grown);
                }
                keys[size] = key;
                ids[size] = id;
                siftUp(size++);
            } else if (less(key, id, keys[0], ids[0])) {
                keys[0] = key;
                ids[0] = id;
                siftDown(0);
            }
        }

        private boolean less(long keyA, String idA, long keyB, String idB) {
            if (keyA != keyB) {
                return keyA < keyB;
            }
            return tickets.compareAfterKeyTie(idA, idB) < 0;
        }

        private void siftUp(int i) {
            long key = keys[i];
            String id = ids[i];
            while (i > 0) {
                int parent = (i - 1) >>> 1;
                if (!less(keys[parent], ids[parent], key, id)) {
                    break;
                }
                keys[i] = keys[parent];
                ids[i] = ids[parent];
                i = parent;
            }
            keys[i] = key;
            ids[i] = id;
        }

        private void siftDown(int i) {
            long key = keys[i];
            String id = ids[i];
            int half = size >>> 1;
            while (i < half) {
                int child = 2 * i + 1;
                int right = child + 1;
                if (right < size && less(keys[child], ids[child], keys[right], ids[right])) {
                    child = right;
                }
                if (!less(key, id, keys[child], ids[child])) {
                    break;
                }
                keys[i] = keys[child];
                ids[i] = ids[child];
                i = child;
            }
            keys[i] = key;
            ids[i] = id;
        }

        /** Pops the maximum repeatedly, filling from the end: ascending ticket order. */
        String[] drainAscending() {
            String[] out = new String[size];
            while (size > 0) {
                out[size - 1] = ids[0];
                size--;
                if (size > 0) {
                    keys[0] = keys[size];
                    ids[0] = ids[size];
                    ids[size] = null;
                    siftDown(0);
                }
            }
            return out;
        }
    }
}
