package cn.doublerandom.registry.target.mirror;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;
import java.util.function.Supplier;

/**
 * Notes on targets by their place in a {@link TargetMirror}'s copy, made while reading something about
 * many targets (a province's earlier draws: 190,000 selections, read as bytes), so that reading the
 * pool hands each row its note without a lookup by USCC and without a string per note. A USCC the copy
 * does not hold yet (a target newer than its last catch-up) is noted by its code and placed when the
 * pool is read, after the copy has caught up. Filled by one thread, inside {@link TargetMirror#notes}.
 *
 * @param <N> what is noted of one target
 */
public final class TargetNotes<N> {

    private TargetFacts facts;
    private Object[] bySlot = new Object[0];
    private final Map<String, N> unplaced = new HashMap<>();

    TargetNotes() {
    }

    /**
     * Opens the notes for more on {@code current}, the copy as it is now: it may have caught up since the
     * notes were last open, so a target noted by its code that has arrived meanwhile is placed first, and a
     * second note on it then finds the first.
     */
    void open(TargetFacts current) {
        facts = current;
        if (bySlot.length < current.size()) {
            bySlot = Arrays.copyOf(bySlot, current.size());
        }
        unplaced.entrySet().removeIf(e -> {
            int slot = current.slotOf(e.getKey());
            if (slot >= 0) {
                bySlot[slot] = e.getValue();
            }
            return slot >= 0;
        });
    }

    /**
     * The note of the target whose USCC is held as ASCII in {@code bytes[from, from + length)} (a field of
     * a COPY row, say), made by {@code make} the first time it is asked for.
     */
    @SuppressWarnings("unchecked")
    public N note(byte[] bytes, int from, int length, Supplier<N> make) {
        if (facts == null) {
            throw new IllegalStateException("notes are made inside TargetMirror.notes or addNotes only");
        }
        int slot = facts.slotOf(bytes, from, length);
        if (slot < 0) {
            return unplaced.computeIfAbsent(new String(bytes, from, length, StandardCharsets.UTF_8), code -> make.get());
        }
        Object note = bySlot[slot];
        if (note == null) {
            note = make.get();
            bySlot[slot] = note;
        }
        return (N) note;
    }

    /** {@link #note(byte[], int, int, Supplier)} for a USCC given as a string. */
    public N note(String uscc, Supplier<N> make) {
        byte[] bytes = uscc.getBytes(StandardCharsets.UTF_8);
        return note(bytes, 0, bytes.length, make);
    }

    /** The end of filling: no more notes. */
    void close() {
        facts = null;
    }

    /**
     * The notes by slot of {@code caughtUp}, the copy these notes were made on after catching up since:
     * slots never move and only grow in number, so a note keeps its slot, and one noted by code finds
     * its slot now if the target has arrived.
     */
    Object[] bySlot(TargetFacts caughtUp) {
        Object[] out = bySlot.length == caughtUp.size() ? bySlot : Arrays.copyOf(bySlot, caughtUp.size());
        unplaced.forEach((code, note) -> {
            int slot = caughtUp.slotOf(code);
            if (slot >= 0) {
                out[slot] = note;
            }
        });
        return out;
    }
}
