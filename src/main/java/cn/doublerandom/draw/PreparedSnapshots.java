package cn.doublerandom.draw;

import jakarta.enterprise.context.ApplicationScoped;

import java.lang.ref.SoftReference;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * The pools this instance prepared lately, so that execute need not read back and parse the stored
 * snapshot text (tens of MB for a province) nor read the selected targets' rows again when the draw is
 * executed where it was prepared. The
 * stored text stays the only record: an entry is used only when its pool hash equals the stored
 * one, and a replica that did not prepare the draw, or whose memory ran short (entries are soft
 * references), parses the text as before.
 */
@ApplicationScoped
public class PreparedSnapshots {

    private static final int ENTRIES = 16;

    private final Map<String, SoftReference<PoolBuilder.Pool>> entries = new LinkedHashMap<>(ENTRIES, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, SoftReference<PoolBuilder.Pool>> eldest) {
            return size() > ENTRIES;
        }
    };

    public synchronized void put(String drawId, PoolBuilder.Pool pool) {
        entries.put(drawId, new SoftReference<>(pool));
    }

    /** The snapshot prepared here for this draw, if still held and its hash is the stored one; removed either way. */
    public synchronized Optional<PoolBuilder.Pool> take(String drawId, String storedPoolHash) {
        SoftReference<PoolBuilder.Pool> ref = entries.remove(drawId);
        PoolBuilder.Pool p = ref == null ? null : ref.get();
        return p != null && p.snapshot().poolHash().equals(storedPoolHash) ? Optional.of(p) : Optional.empty();
    }
}
