package cn.doublerandom.registry.target.mirror;

import cn.doublerandom.draw.engine.IndexSort;
import cn.doublerandom.registry.target.CreditRating;
import cn.doublerandom.registry.target.MonitoringType;
import cn.doublerandom.registry.target.OperatingStatus;
import cn.doublerandom.registry.target.PermitClass;
import cn.doublerandom.registry.target.SupervisionClassifier;
import cn.doublerandom.registry.target.TargetStore.PoolRow;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.BiConsumer;

/**
 * What a draw's pool reads of each target ({@link PoolRow}), its region and its name (which a
 * province's selection shows), for every target, in columns of primitives and packed bytes, so that
 * a province's registry fits in a fraction of the memory one object per row would take. Rows are
 * added or replaced by USCC and never removed (a target is never deleted, V13). Reading a subtree
 * hands out {@link PoolRow}s equal to the ones the table's scan makes.
 *
 * <p>Not thread-safe: one writer at a time, and no reader while it writes ({@link TargetMirror}'s lock).
 */
final class TargetFacts {

    static final int USCC_LENGTH = 18;
    private static final int NO_DATE = Integer.MIN_VALUE;
    private static final OperatingStatus[] STATUSES = OperatingStatus.values();
    private static final CreditRating[] CREDITS = CreditRating.values();
    private static final PermitClass[] PERMITS = PermitClass.values();

    private int size;
    private byte[] uscc = new byte[0];
    private int[] region = new int[0];
    private byte[] status = new byte[0];
    /** 0: no class inputs (a target not producing); else 1 + the credit rating's ordinal, or {@link #NO_RATING}. */
    private byte[] credit = new byte[0];
    private boolean[] keyDischarger = new boolean[0];
    /** 0: no permit class; else 1 + its ordinal. */
    private byte[] permit = new byte[0];
    private int[] listFrom = new int[0];
    private int[] listTo = new int[0];
    /** An index into {@link #monitoringLists}: the lists as the rows have them, in their order, each kept once. */
    private byte[] monitoring = new byte[0];
    private final List<List<MonitoringType>> monitoringLists = new ArrayList<>();
    private final Map<List<MonitoringType>, Byte> monitoringIndex = new HashMap<>();
    /** The row's object kinds as {@link cn.doublerandom.registry.target.ObjectKind#mask} bits: two bytes a target. */
    private short[] kinds = new short[0];
    private static final byte NO_RATING = (byte) (CREDITS.length + 1);

    /** Open addressing by USCC: slot + 1, 0 = empty; at most half full. */
    private int[] table = new int[1024];

    /**
     * The slots in USCC order, the first {@link #ordered} of them; the slots added since are put in
     * place by {@link #order()}. Read in this order, a pool arrives in the byte order its snapshot
     * keeps, and needs no sorting.
     */
    private int[] order = new int[0];
    private int ordered;

    /**
     * Names, as UTF-8 packed one after another: {@link #nameFrom} and {@link #nameLength} of each slot say
     * where its name is (length -1: none). A changed name is appended and its old bytes left behind; when
     * more than half are left behind the names are packed again.
     */
    private byte[] names = new byte[0];
    private int namesUsed;
    private int namesLeftBehind;
    private int[] nameFrom = new int[0];
    private int[] nameLength = new int[0];

    int size() {
        return size;
    }

    /** Adds the target, or replaces what is known of it; {@code name} may be null where it is not known. */
    void put(String code, int regionCode, String name, PoolRow row) {
        boolean ascii = code.length() == USCC_LENGTH;
        for (int i = 0; ascii && i < USCC_LENGTH; i++) {
            ascii = code.charAt(i) < 0x80; // a loop, not a stream per row: a full read puts a million
        }
        if (!ascii) {
            throw new IllegalArgumentException("not a USCC of 18 ASCII characters: " + code);
        }
        byte[] key = code.getBytes(StandardCharsets.US_ASCII);
        int slot = find(key, 0);
        if (slot < 0) {
            slot = append(key);
            nameLength[slot] = -1;
        }
        putName(slot, name);
        region[slot] = regionCode;
        status[slot] = (byte) row.status().ordinal();
        SupervisionClassifier.Inputs in = row.classInputs();
        if (in == null) {
            credit[slot] = 0;
            keyDischarger[slot] = false;
            permit[slot] = 0;
            listFrom[slot] = NO_DATE;
            listTo[slot] = NO_DATE;
        } else {
            credit[slot] = in.creditRating() == null ? NO_RATING : (byte) (1 + in.creditRating().ordinal());
            keyDischarger[slot] = in.keyDischarger();
            permit[slot] = in.permitClass() == null ? 0 : (byte) (1 + in.permitClass().ordinal());
            listFrom[slot] = day(in.positiveListFrom());
            listTo[slot] = day(in.positiveListTo());
        }
        monitoring[slot] = monitoringIndexOf(row.monitoringTypes());
        if ((row.objectKinds() & ~0xFFFF) != 0) {
            throw new IllegalStateException("more object kinds than two bytes hold: " + Integer.toBinaryString(row.objectKinds()));
        }
        kinds[slot] = (short) row.objectKinds();
    }

    /**
     * Puts the targets added since the last call in USCC order ({@link #forEach} reads in it): sorts the
     * new ones and merges them into the order kept. After a full read, a million at once; after a
     * catch-up, the few it added.
     */
    void order() {
        if (ordered == size) {
            return;
        }
        int[] added = new int[size - ordered];
        for (int i = 0; i < added.length; i++) {
            added[i] = ordered + i;
        }
        IndexSort.sort(added, this::compareUscc);
        int[] merged = new int[size];
        int a = 0;
        int b = 0;
        for (int k = 0; k < size; k++) {
            merged[k] = b >= added.length || (a < ordered && compareUscc(order[a], added[b]) < 0) ? order[a++] : added[b++];
        }
        order = merged;
        ordered = size;
    }

    private int compareUscc(int slotA, int slotB) {
        return Arrays.compareUnsigned(uscc, slotA * USCC_LENGTH, (slotA + 1) * USCC_LENGTH,
                uscc, slotB * USCC_LENGTH, (slotB + 1) * USCC_LENGTH);
    }

    /**
     * Hands {@code sink} the rows of part {@code part} of {@code parts} whose region code is in
     * [{@code regionFrom}, {@code regionTo}), each with its slot's note ({@link TargetNotes}), in USCC order.
     * The parts together are every such row, each once, and part after part they are in USCC order too.
     * The targets added since the last {@link #order()} must have been ordered.
     */
    void forEach(int regionFrom, int regionTo, int part, int parts, Object[] notes, BiConsumer<PoolRow, Object> sink) {
        if (ordered != size) {
            throw new IllegalStateException(size - ordered + " targets were added and not ordered");
        }
        int from = (int) ((long) size * part / parts);
        int to = (int) ((long) size * (part + 1) / parts);
        for (int k = from; k < to; k++) {
            int i = order[k];
            if (region[i] >= regionFrom && region[i] < regionTo) {
                sink.accept(row(i), notes[i]);
            }
        }
    }

    /** The slot of the USCC held as ASCII in {@code bytes[from, from + length)}, or -1 when it is not held here. */
    int slotOf(byte[] bytes, int from, int length) {
        return length == USCC_LENGTH ? find(bytes, from) : -1;
    }

    /** The slot of a USCC, or -1 when it is not held here. */
    int slotOf(String code) {
        byte[] key = code.getBytes(StandardCharsets.ISO_8859_1);
        return slotOf(key, 0, key.length);
    }

    /** The name of the target in {@code slot}, or null when none is held. */
    String name(int slot) {
        return nameLength[slot] < 0 ? null : new String(names, nameFrom[slot], nameLength[slot], StandardCharsets.UTF_8);
    }

    /** The region code of the target in {@code slot}. */
    int region(int slot) {
        return region[slot];
    }

    private void putName(int slot, String name) {
        byte[] bytes = name == null ? null : name.getBytes(StandardCharsets.UTF_8);
        int old = nameLength[slot];
        if (bytes == null ? old < 0 : old == bytes.length
                && Arrays.equals(names, nameFrom[slot], nameFrom[slot] + old, bytes, 0, bytes.length)) {
            return; // unchanged: most rows a catch-up rereads
        }
        namesLeftBehind += Math.max(0, old);
        nameLength[slot] = -1;
        if (bytes == null) {
            return;
        }
        if (namesUsed + bytes.length > names.length) {
            if (namesLeftBehind > namesUsed / 2) {
                packNames();
            }
            if (namesUsed + bytes.length > names.length) {
                names = Arrays.copyOf(names, (int) Math.min(Integer.MAX_VALUE - 16,
                        Math.max((long) namesUsed + bytes.length, names.length + (long) (names.length >> 1) + 1024)));
            }
        }
        System.arraycopy(bytes, 0, names, namesUsed, bytes.length);
        nameFrom[slot] = namesUsed;
        nameLength[slot] = bytes.length;
        namesUsed += bytes.length;
    }

    /** Packs the names held again, leaving nothing behind. */
    private void packNames() {
        byte[] packed = new byte[Math.max(1024, namesUsed - namesLeftBehind)];
        int at = 0;
        for (int slot = 0; slot < size; slot++) {
            if (nameLength[slot] >= 0) {
                System.arraycopy(names, nameFrom[slot], packed, at, nameLength[slot]);
                nameFrom[slot] = at;
                at += nameLength[slot];
            }
        }
        names = packed;
        namesUsed = at;
        namesLeftBehind = 0;
    }

    private PoolRow row(int i) {
        String code = new String(uscc, i * USCC_LENGTH, USCC_LENGTH, StandardCharsets.ISO_8859_1);
        SupervisionClassifier.Inputs in = credit[i] == 0 ? null : new SupervisionClassifier.Inputs(
                credit[i] == NO_RATING ? null : CREDITS[credit[i] - 1], keyDischarger[i],
                permit[i] == 0 ? null : PERMITS[permit[i] - 1], date(listFrom[i]), date(listTo[i]));
        return new PoolRow(code, STATUSES[status[i]], in, monitoringLists.get(monitoring[i]), kinds[i] & 0xFFFF);
    }

    private byte monitoringIndexOf(List<MonitoringType> types) {
        Byte known = monitoringIndex.get(types);
        if (known != null) {
            return known;
        }
        if (monitoringLists.size() == Byte.MAX_VALUE) {
            throw new IllegalStateException("more than " + Byte.MAX_VALUE + " different lists of monitoring types");
        }
        byte next = (byte) monitoringLists.size();
        List<MonitoringType> copy = List.copyOf(types);
        monitoringLists.add(copy);
        monitoringIndex.put(copy, next);
        return next;
    }

    private static int day(LocalDate d) {
        return d == null ? NO_DATE : Math.toIntExact(d.toEpochDay());
    }

    private static LocalDate date(int day) {
        return day == NO_DATE ? null : LocalDate.ofEpochDay(day);
    }

    private int find(byte[] key, int from) {
        int mask = table.length - 1;
        for (int h = hash(key, from) & mask; ; h = (h + 1) & mask) {
            int slot = table[h] - 1;
            if (slot < 0) {
                return -1;
            }
            if (Arrays.equals(uscc, slot * USCC_LENGTH, (slot + 1) * USCC_LENGTH, key, from, from + USCC_LENGTH)) {
                return slot;
            }
        }
    }

    private int append(byte[] key) {
        if (size == region.length) {
            grow(Math.max(1024, size + (size >> 1)));
        }
        int slot = size++;
        System.arraycopy(key, 0, uscc, slot * USCC_LENGTH, USCC_LENGTH);
        if (size * 2 > table.length) {
            rehash(table.length * 2);
        } else {
            place(slot);
        }
        return slot;
    }

    private void grow(int capacity) {
        uscc = Arrays.copyOf(uscc, capacity * USCC_LENGTH);
        region = Arrays.copyOf(region, capacity);
        status = Arrays.copyOf(status, capacity);
        credit = Arrays.copyOf(credit, capacity);
        keyDischarger = Arrays.copyOf(keyDischarger, capacity);
        permit = Arrays.copyOf(permit, capacity);
        listFrom = Arrays.copyOf(listFrom, capacity);
        listTo = Arrays.copyOf(listTo, capacity);
        monitoring = Arrays.copyOf(monitoring, capacity);
        kinds = Arrays.copyOf(kinds, capacity);
        nameFrom = Arrays.copyOf(nameFrom, capacity);
        nameLength = Arrays.copyOf(nameLength, capacity);
    }

    private void rehash(int length) {
        table = new int[length];
        for (int slot = 0; slot < size; slot++) {
            place(slot);
        }
    }

    private void place(int slot) {
        int mask = table.length - 1;
        int h = hash(uscc, slot * USCC_LENGTH) & mask;
        while (table[h] != 0) {
            h = (h + 1) & mask;
        }
        table[h] = slot + 1;
    }

    private static int hash(byte[] bytes, int at) {
        int h = 1;
        for (int i = at; i < at + USCC_LENGTH; i++) {
            h = 31 * h + bytes[i];
        }
        // codes that differ in their last characters only would otherwise fill one run of the table
        h *= 0x9E3779B9;
        return h ^ (h >>> 15);
    }
}
