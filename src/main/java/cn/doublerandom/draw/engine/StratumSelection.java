package cn.doublerandom.draw.engine;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.stream.IntStream;

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

    /** Pools from this size on are read in parts at once; below it, a part's thread would cost more than it saves. */
    private static final int PARALLEL_FROM = 50_000;
    private static final int MAX_PARTS = 4;

    public StratumSelection {
        selected = List.copyOf(selected);
    }

    /** How many fewer than the quota were selected (0 when the quota was met). */
    public int shortfall() {
        return requested - selected.size();
    }

    /**
     * Selects from {@code ids} (any order; must be distinct) in one pass; see {@link #select(Tickets,
     * Stratum, PackedIds, int)}.
     */
    public static StratumSelection select(Tickets tickets, Stratum stratum, Iterable<String> ids, int k) {
        PackedIds.Appender packed = PackedIds.appender();
        ids.forEach(packed::addAny);
        return select(tickets, stratum, packed.inOrder(), k);
    }

    /**
     * Selects from {@code ids} (any order; must be distinct) in one pass. Memory is a bounded
     * max-heap of at most {@code k} entries, never the whole pool: the ids are only read, and a string
     * is made only for each id selected. A large pool is read in parts at once, one heap per part, whose
     * union is then cut to {@code k}: tickets order every id totally, so the k first of the union are the
     * k first of the pool whatever the parts.
     */
    public static StratumSelection select(Tickets tickets, Stratum stratum, PackedIds ids, int k) {
        if (k < 0) {
            throw new IllegalArgumentException("quota must not be negative: " + k);
        }
        int pool = ids.size();
        int parts = k == 0 || pool < PARALLEL_FROM ? 1 : Math.min(MAX_PARTS, Runtime.getRuntime().availableProcessors());
        TopK heap = new TopK(tickets, ids, k);
        if (parts == 1) {
            for (int i = 0; i < pool; i++) {
                heap.offer(i);
            }
        } else {
            // each part hashes with a Tickets of its own: a Tickets reuses one digest and is not thread-safe
            List<TopK> partHeaps = IntStream.range(0, parts).parallel().mapToObj(part -> {
                TopK partHeap = new TopK(new Tickets(tickets.seed()), ids, k);
                int to = (int) ((long) pool * (part + 1) / parts);
                for (int i = (int) ((long) pool * part / parts); i < to; i++) {
                    partHeap.offer(i);
                }
                return partHeap;
            }).toList();
            for (TopK partHeap : partHeaps) {
                for (int e = 0; e < partHeap.size; e++) {
                    heap.offer(partHeap.keys[e], partHeap.ids[e]);
                }
            }
        }
        int[] ordered = heap.drainAscending();
        List<SelectedTarget> out = new ArrayList<>(ordered.length);
        for (int i = 0; i < ordered.length; i++) {
            String id = ids.get(ordered[i]);
            out.add(new SelectedTarget(stratum, id, i + 1, tickets.ticket(id)));
        }
        return new StratumSelection(stratum, k, pool, Collections.unmodifiableList(out));
    }

    /** Max-heap on (sort key, full ticket, id) keeping the k smallest seen so far; ids by their index. */
    private static final class TopK {
        private final Tickets tickets;
        private final PackedIds all;
        private final int k;
        private long[] keys;
        private int[] ids;
        private int size;

        TopK(Tickets tickets, PackedIds all, int k) {
            this.tickets = tickets;
            this.all = all;
            this.k = k;
            int initial = Math.min(k, 1024);
            keys = new long[initial];
            ids = new int[initial];
        }

        void offer(int id) {
            if (k > 0) {
                offer(tickets.sortKey(all, id), id);
            }
        }

        /** Offers an id whose sort key is known already. */
        void offer(long key, int id) {
            if (k == 0) {
                return;
            }
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

        private boolean less(long keyA, int idA, long keyB, int idB) {
            if (keyA != keyB) {
                return keyA < keyB;
            }
            return tickets.compareAfterKeyTie(all.get(idA), all.get(idB)) < 0;
        }

        private void siftUp(int i) {
            long key = keys[i];
            int id = ids[i];
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
            int id = ids[i];
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
        int[] drainAscending() {
            int[] out = new int[size];
            while (size > 0) {
                out[size - 1] = ids[0];
                size--;
                if (size > 0) {
                    keys[0] = keys[size];
                    ids[0] = ids[size];
                    siftDown(0);
                }
            }
            return out;
        }
    }
}
