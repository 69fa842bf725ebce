package cn.doublerandom.draw.engine;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

/**
 * The pool snapshot of DRAW-1 §4: the T, I, A, N, R, P, Q and Z lines, and the E and K lines of object
 * kinds (which kinds the draw's items inspect, which kinds each eligible target carries; written
 * only when the draw's items name kinds, and ignored by §1–§3), held sorted in byte order
 * without duplicates. {@link #writeCanonical} streams the canonical text and {@link #poolHash()}
 * streams it into SHA-256, so a million-target snapshot is never materialised as one string.
 *
 * <p>Rules beyond line syntax, enforced by both {@link #parse} and {@link Builder#build()}:
 * exactly one Z line with teamSize &ge; 2 (a smaller team is rejected, not raised to 2); at most
 * one Q line per class; a USCC in at most one stratum (§2: pools are disjoint). A class with T
 * lines but no Q line has quota 0. Codes and USCCs match {@code [0-9A-Z-]{1,32}}, specialties
 * {@code [a-z0-9-]{1,32}}, quotas and team sizes are decimal without leading zeros.
 */
public final class PoolSnapshot {
    /** An {@code A <code> <specialty>} line. */
    public record Specialist(String code, String specialty) {
    }

    /** An {@code R <code> <uscc>} or {@code P <code> <uscc>} line. */
    public record CodeForTarget(String code, String uscc) {
    }

    /** An {@code E <item> <kind>} line: item {@code item} of the draw inspects objects of {@code kind}. */
    public record ItemKind(String item, String kind) {
    }

    /** A {@code T <class> <uscc>} line. */
    public record Target(Stratum stratum, String uscc) {
    }

    private static final Comparator<Specialist> SPECIALIST_ORDER = Comparator
            .comparing(Specialist::code, Utf8ByteOrder.COMPARATOR)
            .thenComparing(Specialist::specialty, Utf8ByteOrder.COMPARATOR);
    private static final Comparator<ItemKind> ITEM_KIND_ORDER = Comparator
            .comparing(ItemKind::item, Utf8ByteOrder.COMPARATOR)
            .thenComparing(ItemKind::kind, Utf8ByteOrder.COMPARATOR);
    private static final Comparator<CodeForTarget> CODE_TARGET_ORDER = Comparator
            .comparing(CodeForTarget::code, Utf8ByteOrder.COMPARATOR)
            .thenComparing(CodeForTarget::uscc, Utf8ByteOrder.COMPARATOR);
    /** Strata in byte order of their names, the order of their T and Q lines. */
    private static final List<Stratum> STRATA_BY_NAME = Arrays.stream(Stratum.values())
            .sorted(Comparator.comparing(Stratum::name, Utf8ByteOrder.COMPARATOR)).toList();

    private final Map<Stratum, PackedIds> targets;
    private final List<String> inspectors;
    private final List<Specialist> specialists;
    private final List<String> neededSpecialties;
    private final List<CodeForTarget> recusals;
    private final List<CodeForTarget> previousTeams;
    private final Map<Stratum, Integer> quotas;
    private final int teamSize;
    private final List<ItemKind> itemKinds;
    /** The K lines by kind, kinds in byte order, each kind's USCCs in byte order. */
    private final Map<String, PackedIds> targetKinds;
    private String poolHash;

    private PoolSnapshot(Map<Stratum, PackedIds> targets, List<String> inspectors,
                         List<Specialist> specialists, List<String> neededSpecialties,
                         List<CodeForTarget> recusals, List<CodeForTarget> previousTeams,
                         Map<Stratum, Integer> quotas, int teamSize, List<ItemKind> itemKinds,
                         Map<String, PackedIds> targetKinds) {
        this.itemKinds = itemKinds;
        this.targetKinds = targetKinds;
        this.targets = targets;
        this.inspectors = inspectors;
        this.specialists = specialists;
        this.neededSpecialties = neededSpecialties;
        this.recusals = recusals;
        this.previousTeams = previousTeams;
        this.quotas = quotas;
        this.teamSize = teamSize;
    }

    /** USCCs of the T lines of {@code stratum}, in byte order. */
    public PackedIds targets(Stratum stratum) {
        return targets.getOrDefault(stratum, PackedIds.EMPTY);
    }

    /** Number of T lines. */
    public long targetCount() {
        long n = 0;
        for (PackedIds l : targets.values()) {
            n += l.size();
        }
        return n;
    }

    /** I codes in byte order: the list L of §3. */
    public List<String> inspectors() {
        return inspectors;
    }

    /** A lines in byte order. */
    public List<Specialist> specialists() {
        return specialists;
    }

    /** N specialties in byte order. */
    public List<String> neededSpecialties() {
        return neededSpecialties;
    }

    /** R lines in byte order. */
    public List<CodeForTarget> recusals() {
        return recusals;
    }

    /** P lines in byte order. */
    public List<CodeForTarget> previousTeams() {
        return previousTeams;
    }

    /** Q lines: the quota of each class that has one. */
    public Map<Stratum, Integer> quotas() {
        return quotas;
    }

    /** The quota of {@code stratum}: its Q line, or 0 without one. */
    public int quota(Stratum stratum) {
        return quotas.getOrDefault(stratum, 0);
    }

    /** E lines in byte order; none for a draw whose items name no object kind. */
    public List<ItemKind> itemKinds() {
        return itemKinds;
    }

    /** The USCCs of the K lines of {@code kind}, in byte order. */
    public PackedIds targetsOfKind(String kind) {
        return targetKinds.getOrDefault(kind, PackedIds.EMPTY);
    }

    /** The kinds of the K lines of {@code uscc}, in byte order. */
    public List<String> kindsOf(String uscc) {
        List<String> out = new ArrayList<>(2);
        targetKinds.forEach((kind, usccs) -> {
            if (usccs.contains(uscc)) {
                out.add(kind);
            }
        });
        return out;
    }

    /**
     * The items whose E kinds meet the target's K kinds, in byte order: the items its visit covers. Null when
     * the snapshot has no E line: the draw's items name no kind then, and each applies to every target.
     */
    public List<String> itemsFor(String uscc) {
        if (itemKinds.isEmpty()) {
            return null;
        }
        List<String> kinds = kindsOf(uscc);
        List<String> out = new ArrayList<>(2);
        for (ItemKind e : itemKinds) {
            if (kinds.contains(e.kind()) && (out.isEmpty() || !out.get(out.size() - 1).equals(e.item()))) {
                out.add(e.item());
            }
        }
        return out;
    }

    /**
     * The pool rule an auditor checks with the E and K lines: the T targets to which no item of the draw
     * applies (none of their K kinds is an E kind), in line order. Empty when the snapshot has no E line.
     */
    public List<String> targetsNoItemAppliesTo() {
        List<String> out = new ArrayList<>();
        if (itemKinds.isEmpty()) {
            return out;
        }
        List<PackedIds> inspected = itemKinds.stream().map(ItemKind::kind).distinct().map(this::targetsOfKind).toList();
        for (Stratum st : STRATA_BY_NAME) {
            PackedIds ids = targets(st);
            for (int i = 0; i < ids.size(); i++) {
                String uscc = ids.get(i);
                if (inspected.stream().noneMatch(k -> k.contains(uscc))) {
                    out.add(uscc);
                }
            }
        }
        return out;
    }

    /** The Z line's team size (at least 2). */
    public int teamSize() {
        return teamSize;
    }

    /** Lowercase hex SHA-256 of the canonical text (§4), computed once. */
    public synchronized String poolHash() {
        if (poolHash == null) {
            canonicalBytes();
        }
        return poolHash;
    }

    /** The canonical text as one string; its pool hash is computed on the way. */
    public String canonicalText() {
        return new String(canonicalBytes(), StandardCharsets.US_ASCII);
    }

    /** Writes the canonical text. */
    public void writeCanonical(OutputStream out) throws IOException {
        out.write(canonicalBytes());
    }

    /**
     * The canonical text (§4) in UTF-8, written once into an array of its exact size (a province's
     * is large, and a doubling buffer would copy it many times over), and its pool hash. Every
     * field was checked against an ASCII pattern when the snapshot was built or parsed, so each
     * character is its own byte. Lines are in byte order: field-wise order equals line order because
     * the separator (space, 0x20) sorts below every character a field may contain.
     */
    public byte[] canonicalBytes() {
        List<String> head = new ArrayList<>(); // the lines before the K lines: A, E, I
        for (Specialist a : specialists) {
            head.add("A " + a.code() + " " + a.specialty());
        }
        itemKinds.forEach(e -> head.add("E " + e.item() + " " + e.kind()));
        inspectors.forEach(code -> head.add("I " + code));
        List<String> lines = new ArrayList<>(); // after them: N, P, Q, R
        neededSpecialties.forEach(n -> lines.add("N " + n));
        previousTeams.forEach(p -> lines.add("P " + p.code() + " " + p.uscc()));
        for (Stratum st : STRATA_BY_NAME) {
            if (quotas.containsKey(st)) {
                lines.add("Q " + st.name() + " " + quotas.get(st));
            }
        }
        recusals.forEach(r -> lines.add("R " + r.code() + " " + r.uscc()));
        String z = "Z teamSize " + teamSize;
        // the T lines, the bulk, are written straight from the lists: prefix, USCC, newline
        long size = z.length() + 1L;
        for (String line : head) {
            size += line.length() + 1;
        }
        for (String line : lines) {
            size += line.length() + 1;
        }
        for (Map.Entry<String, PackedIds> k : targetKinds.entrySet()) {
            size += (2 + 1 + k.getKey().length() + 1L) * k.getValue().size() + k.getValue().byteCount();
        }
        for (Stratum st : STRATA_BY_NAME) {
            PackedIds ids = targets(st);
            size += (2 + st.name().length() + 1 + 1L) * ids.size() + ids.byteCount();
        }
        if (size > Integer.MAX_VALUE - 16) {
            throw new IllegalStateException("a canonical text of " + size + " bytes is too large");
        }
        byte[] out = new byte[(int) size];
        int at = 0;
        for (String line : head) {
            at = put(line, out, at);
            out[at++] = '\n';
        }
        at = writeKindLines(out, at);
        for (String line : lines) {
            at = put(line, out, at);
            out[at++] = '\n';
        }
        for (Stratum st : STRATA_BY_NAME) {
            byte[] prefix = ("T " + st.name() + " ").getBytes(StandardCharsets.US_ASCII);
            PackedIds ids = targets(st);
            byte[] packed = ids.bytes();
            for (int i = 0; i < ids.size(); i++) {
                System.arraycopy(prefix, 0, out, at, prefix.length);
                at += prefix.length;
                System.arraycopy(packed, ids.start(i), out, at, ids.length(i));
                at += ids.length(i);
                out[at++] = '\n';
            }
        }
        at = put(z, out, at);
        out[at] = '\n';
        String hash = Sha256.hex(Sha256.newDigest().digest(out));
        synchronized (this) {
            poolHash = hash;
        }
        return out;
    }

    /**
     * The K lines in byte order: by USCC, then kind. Each kind's list is sorted, so they are merged: at each
     * step the least USCC, of the first kind (in byte order) that has it.
     */
    private int writeKindLines(byte[] out, int at) {
        String[] kinds = targetKinds.keySet().toArray(String[]::new);
        PackedIds[] lists = targetKinds.values().toArray(PackedIds[]::new);
        int[] pos = new int[kinds.length];
        while (true) {
            int best = -1;
            for (int i = 0; i < lists.length; i++) {
                if (pos[i] < lists[i].size() && (best < 0 || PackedIds.compare(lists[i], pos[i], lists[best], pos[best]) < 0)) {
                    best = i;
                }
            }
            if (best < 0) {
                return at;
            }
            PackedIds ids = lists[best];
            int i = pos[best]++;
            out[at++] = 'K';
            out[at++] = ' ';
            System.arraycopy(ids.bytes(), ids.start(i), out, at, ids.length(i));
            at += ids.length(i);
            out[at++] = ' ';
            at = put(kinds[best], out, at);
            out[at++] = '\n';
        }
    }

    @SuppressWarnings("deprecation") // copies each char's low byte: exact for the ASCII every field is checked to be
    private static int put(String s, byte[] out, int at) {
        s.getBytes(0, s.length(), out, at);
        return at + s.length();
    }

    public static Builder builder() {
        return new Builder();
    }

    /** Parses canonical text; see {@link #parse(InputStream)}. */
    public static PoolSnapshot parse(String text) {
        try {
            return parse(new java.io.ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8)));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Parses a canonical snapshot text, streaming. Rejects, naming the line: invalid UTF-8, a
     * missing final "\n", "\r", unknown line kinds, bad fields, duplicates and lines out of byte
     * order, plus the rules in the class comment.
     */
    public static PoolSnapshot parse(InputStream in) throws IOException {
        Reader reader = new InputStreamReader(in, StandardCharsets.UTF_8.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT));
        return new Parser(reader).parse();
    }

    /** Collects lines in any order, sorts and de-duplicates them; every field is checked when added. */
    public static final class Builder {
        private final Map<Stratum, PackedIds.Appender> targets = new EnumMap<>(Stratum.class);
        private final List<String> inspectors = new ArrayList<>();
        private final List<Specialist> specialists = new ArrayList<>();
        private final List<String> needed = new ArrayList<>();
        private final List<CodeForTarget> recusals = new ArrayList<>();
        private final List<CodeForTarget> previous = new ArrayList<>();
        private final Map<Stratum, Integer> quotas = new EnumMap<>(Stratum.class);
        private final List<ItemKind> itemKinds = new ArrayList<>();
        private final Map<String, PackedIds.Appender> targetKinds = new java.util.TreeMap<>(Utf8ByteOrder.COMPARATOR);
        private Integer teamSize;

        private Builder() {
        }

        /** An E line: item {@code item} (its id) inspects objects of {@code kind}. */
        public Builder itemKind(String item, String kind) {
            checkCode("item", item, 0);
            checkCode("object kind", kind, 0);
            itemKinds.add(new ItemKind(item, kind));
            return this;
        }

        /** The K lines of {@code kind} collected elsewhere (each USCC was checked when it was added there). */
        public Builder targetsOfKind(String kind, PackedIds.Appender usccs) {
            checkCode("object kind", kind, 0);
            targetKinds.computeIfAbsent(kind, k -> PackedIds.appender()).addAll(usccs);
            return this;
        }

        public Builder target(Stratum stratum, String uscc) {
            targets.computeIfAbsent(stratum, s -> PackedIds.appender()).add(uscc);
            return this;
        }

        /** Adds the T lines of {@code stratum} collected elsewhere (each USCC was checked when it was added there). */
        public Builder targets(Stratum stratum, PackedIds.Appender usccs) {
            targets.computeIfAbsent(stratum, s -> PackedIds.appender()).addAll(usccs);
            return this;
        }

        public Builder inspector(String code) {
            checkCode("inspector code", code, 0);
            inspectors.add(code);
            return this;
        }

        public Builder specialist(String code, String specialty) {
            checkCode("member code", code, 0);
            checkSpecialty(specialty, 0);
            specialists.add(new Specialist(code, specialty));
            return this;
        }

        public Builder needs(String specialty) {
            checkSpecialty(specialty, 0);
            needed.add(specialty);
            return this;
        }

        public Builder recused(String code, String uscc) {
            checkCode("inspector code", code, 0);
            checkCode("USCC", uscc, 0);
            recusals.add(new CodeForTarget(code, uscc));
            return this;
        }

        public Builder previousTeam(String code, String uscc) {
            checkCode("inspector code", code, 0);
            checkCode("USCC", uscc, 0);
            previous.add(new CodeForTarget(code, uscc));
            return this;
        }

        public Builder quota(Stratum stratum, int k) {
            if (k < 0) {
                throw new InvalidSnapshotException("quota of " + stratum + " must not be negative: " + k);
            }
            Integer old = quotas.put(stratum, k);
            if (old != null && old != k) {
                throw new InvalidSnapshotException("two quotas for " + stratum + ": " + old + " and " + k);
            }
            return this;
        }

        public Builder teamSize(int n) {
            if (n < 2) {
                throw new InvalidSnapshotException("teamSize must be at least 2, got " + n);
            }
            if (teamSize != null && teamSize != n) {
                throw new InvalidSnapshotException("two team sizes: " + teamSize + " and " + n);
            }
            teamSize = n;
            return this;
        }

        public PoolSnapshot build() {
            if (teamSize == null) {
                throw new InvalidSnapshotException("no Z line: teamSize is required");
            }
            Map<Stratum, PackedIds> t = new EnumMap<>(Stratum.class);
            targets.forEach((stratum, usccs) -> t.put(stratum, usccs.sortedUnique()));
            checkDisjoint(t, s -> 0L);
            return new PoolSnapshot(Collections.unmodifiableMap(t),
                    sortedUnique(inspectors, Utf8ByteOrder.COMPARATOR),
                    sortedUnique(specialists, SPECIALIST_ORDER),
                    sortedUnique(needed, Utf8ByteOrder.COMPARATOR),
                    sortedUnique(recusals, CODE_TARGET_ORDER),
                    sortedUnique(previous, CODE_TARGET_ORDER),
                    Collections.unmodifiableMap(new EnumMap<>(quotas)), teamSize, sortedUnique(itemKinds, ITEM_KIND_ORDER),
                    packed(targetKinds));
        }

        /** Sorted and without duplicates. Rows often arrive sorted already (checked in one pass). */
        @SuppressWarnings("unchecked")
        private static <E> List<E> sortedUnique(List<E> in, Comparator<? super E> order) {
            E[] a = (E[]) in.toArray();
            if (order == Utf8ByteOrder.COMPARATOR && Utf8ByteOrder.agreesWithCompareTo(a)) {
                order = (Comparator<? super E>) Comparator.naturalOrder();
            }
            boolean sorted = true;
            for (int i = 1; i < a.length && sorted; i++) {
                sorted = order.compare(a[i - 1], a[i]) <= 0;
            }
            if (!sorted) {
                Arrays.parallelSort(a, order);
            }
            int w = 0;
            for (int r = 0; r < a.length; r++) {
                if (w == 0 || order.compare(a[w - 1], a[r]) != 0) {
                    a[w++] = a[r];
                }
            }
            return Collections.unmodifiableList(Arrays.asList(w == a.length ? a : Arrays.copyOf(a, w)));
        }
    }

    private static Map<String, PackedIds> packed(Map<String, PackedIds.Appender> byKind) {
        Map<String, PackedIds> out = new java.util.TreeMap<>(Utf8ByteOrder.COMPARATOR);
        byKind.forEach((kind, usccs) -> out.put(kind, usccs.sortedUnique()));
        return Collections.unmodifiableMap(out);
    }

    /**
     * §2 pools are disjoint: merges the sorted per-stratum lists (no extra memory) and rejects a
     * USCC found in two strata. {@code firstLine} gives the line number of a stratum's first T line.
     */
    private static void checkDisjoint(Map<Stratum, PackedIds> targets, Function<Stratum, Long> firstLine) {
        // In line order, so a duplicate is reported at its later line.
        Stratum[] strata = STRATA_BY_NAME.stream().filter(targets::containsKey).toArray(Stratum[]::new);
        PackedIds[] lists = Arrays.stream(strata).map(targets::get).toArray(PackedIds[]::new);
        int[] pos = new int[strata.length];
        int last = -1;
        while (true) {
            int best = -1;
            for (int i = 0; i < lists.length; i++) {
                if (pos[i] < lists[i].size() && (best < 0 || PackedIds.compare(lists[i], pos[i], lists[best], pos[best]) < 0)) {
                    best = i;
                }
            }
            if (best < 0) {
                return;
            }
            if (last >= 0 && PackedIds.compare(lists[last], pos[last] - 1, lists[best], pos[best]) == 0) {
                long line = firstLine.apply(strata[best]);
                throw new InvalidSnapshotException(line > 0 ? line + pos[best] : 0, "USCC " + lists[best].get(pos[best])
                        + " is a target of both " + strata[last] + " and " + strata[best] + "; strata must be disjoint");
            }
            last = best;
            pos[best]++;
        }
    }

    static void checkCode(String what, String s, long line) {
        if (!matches(s, false)) {
            throw new InvalidSnapshotException(line, what + " \"" + s + "\" must match [0-9A-Z-]{1,32}");
        }
    }

    static void checkSpecialty(String s, long line) {
        if (!matches(s, true)) {
            throw new InvalidSnapshotException(line, "specialty \"" + s + "\" must match [a-z0-9-]{1,32}");
        }
    }

    /** {@code [0-9A-Z-]{1,32}} or, for specialties, {@code [a-z0-9-]{1,32}}. */
    private static boolean matches(String s, boolean lower) {
        if (s == null || s.isEmpty() || s.length() > 32) {
            return false;
        }
        for (int i = 0; i < s.length(); i++) {
            if (!codeChar(s.charAt(i), lower)) {
                return false;
            }
        }
        return true;
    }

    /** A character of {@code [0-9A-Z-]}, or for specialties {@code [a-z0-9-]}. */
    static boolean codeChar(char c, boolean lower) {
        return (c >= '0' && c <= '9') || c == '-' || (lower ? c >= 'a' && c <= 'z' : c >= 'A' && c <= 'Z');
    }

    /** Decimal without sign or leading zeros, up to 9 digits (fits an int). */
    private static Optional<Integer> parseCount(String s) {
        if (s.isEmpty() || s.length() > 9 || (s.length() > 1 && s.charAt(0) == '0')) {
            return Optional.empty();
        }
        for (int i = 0; i < s.length(); i++) {
            if (s.charAt(i) < '0' || s.charAt(i) > '9') {
                return Optional.empty();
            }
        }
        return Optional.of(Integer.parseInt(s));
    }

    private static final class Parser {
        private final Reader reader;
        private final char[] buf = new char[1 << 16];
        private int bufLen;
        private int bufPos;
        private final StringBuilder line = new StringBuilder(80);
        private long lineNo;

        private final Map<Stratum, PackedIds.Appender> targets = new EnumMap<>(Stratum.class);
        private final Map<Stratum, Long> firstTargetLine = new EnumMap<>(Stratum.class);
        private final List<String> inspectors = new ArrayList<>();
        private final List<Specialist> specialists = new ArrayList<>();
        private final List<String> needed = new ArrayList<>();
        private final List<CodeForTarget> recusals = new ArrayList<>();
        private final List<CodeForTarget> previous = new ArrayList<>();
        private final Map<Stratum, Integer> quotas = new EnumMap<>(Stratum.class);
        private final List<ItemKind> itemKinds = new ArrayList<>();
        private final Map<String, PackedIds.Appender> targetKinds = new java.util.TreeMap<>(Utf8ByteOrder.COMPARATOR);
        private Integer teamSize;

        Parser(Reader reader) {
            this.reader = reader;
        }

        PoolSnapshot parse() throws IOException {
            String prev = null;
            String current;
            while ((current = nextLine()) != null) {
                if (prev != null) {
                    int c = Utf8ByteOrder.compare(prev, current);
                    if (c == 0) {
                        throw new InvalidSnapshotException(lineNo, "duplicate of line " + (lineNo - 1));
                    }
                    if (c > 0) {
                        throw new InvalidSnapshotException(lineNo,
                                "not in byte order: it must come before line " + (lineNo - 1));
                    }
                }
                parseLine(current);
                prev = current;
            }
            if (teamSize == null) {
                throw new InvalidSnapshotException("no Z line: teamSize is required");
            }
            // in byte order already: the line order was checked
            Map<Stratum, PackedIds> packed = new EnumMap<>(Stratum.class);
            targets.forEach((stratum, usccs) -> packed.put(stratum, usccs.sortedUnique()));
            checkDisjoint(packed, firstTargetLine::get);
            return new PoolSnapshot(Collections.unmodifiableMap(packed), List.copyOf(inspectors),
                    List.copyOf(specialists), List.copyOf(needed), List.copyOf(recusals),
                    List.copyOf(previous), Collections.unmodifiableMap(quotas), teamSize, List.copyOf(itemKinds),
                    packed(targetKinds));
        }

        /** The next line without its "\n"; null at the end; rejects "\r" and a missing final "\n". */
        private String nextLine() throws IOException {
            line.setLength(0);
            while (true) {
                if (bufPos == bufLen) {
                    try {
                        bufLen = reader.read(buf);
                    } catch (CharacterCodingException e) {
                        throw new InvalidSnapshotException(lineNo + 1, "not valid UTF-8");
                    }
                    bufPos = 0;
                    if (bufLen <= 0) {
                        bufLen = 0;
                        if (line.length() > 0) {
                            throw new InvalidSnapshotException(lineNo + 1, "the last line does not end in \"\\n\"");
                        }
                        return null;
                    }
                }
                char c = buf[bufPos++];
                if (c == '\n') {
                    lineNo++;
                    return line.toString();
                }
                if (c == '\r') {
                    throw new InvalidSnapshotException(lineNo + 1, "carriage return: lines end in \"\\n\" only");
                }
                line.append(c);
            }
        }

        private void parseLine(String text) {
            String[] f = text.split(" ", -1);
            String kind = f[0];
            switch (kind) {
                case "T" -> {
                    expectFields(f, 3, "T <class> <uscc>");
                    Stratum s = stratum(f[1]);
                    checkCode("USCC", f[2], lineNo);
                    firstTargetLine.putIfAbsent(s, lineNo);
                    targets.computeIfAbsent(s, x -> PackedIds.appender()).addAny(f[2]); // checked just above, with its line
                }
                case "E" -> {
                    expectFields(f, 3, "E <item> <kind>");
                    checkCode("item", f[1], lineNo);
                    checkCode("object kind", f[2], lineNo);
                    itemKinds.add(new ItemKind(f[1], f[2]));
                }
                case "K" -> {
                    expectFields(f, 3, "K <uscc> <kind>");
                    checkCode("USCC", f[1], lineNo);
                    checkCode("object kind", f[2], lineNo);
                    targetKinds.computeIfAbsent(f[2], x -> PackedIds.appender()).addAny(f[1]); // checked just above
                }
                case "I" -> {
                    expectFields(f, 2, "I <code>");
                    checkCode("inspector code", f[1], lineNo);
                    inspectors.add(f[1]);
                }
                case "A" -> {
                    expectFields(f, 3, "A <code> <specialty>");
                    checkCode("member code", f[1], lineNo);
                    checkSpecialty(f[2], lineNo);
                    specialists.add(new Specialist(f[1], f[2]));
                }
                case "N" -> {
                    expectFields(f, 2, "N <specialty>");
                    checkSpecialty(f[1], lineNo);
                    needed.add(f[1]);
                }
                case "R", "P" -> {
                    expectFields(f, 3, kind + " <code> <uscc>");
                    checkCode("inspector code", f[1], lineNo);
                    checkCode("USCC", f[2], lineNo);
                    (kind.equals("R") ? recusals : previous).add(new CodeForTarget(f[1], f[2]));
                }
                case "Q" -> {
                    expectFields(f, 3, "Q <class> <k>");
                    Stratum s = stratum(f[1]);
                    int k = parseCount(f[2]).orElseThrow(() -> new InvalidSnapshotException(lineNo,
                            "quota \"" + f[2] + "\" must be a decimal number without leading zeros"));
                    if (quotas.putIfAbsent(s, k) != null) {
                        throw new InvalidSnapshotException(lineNo, "a second Q line for " + s);
                    }
                }
                case "Z" -> {
                    expectFields(f, 3, "Z teamSize <n>");
                    if (!f[1].equals("teamSize")) {
                        throw new InvalidSnapshotException(lineNo, "expected \"Z teamSize <n>\"");
                    }
                    int n = parseCount(f[2]).orElseThrow(() -> new InvalidSnapshotException(lineNo,
                            "team size \"" + f[2] + "\" must be a decimal number without leading zeros"));
                    if (n < 2) {
                        throw new InvalidSnapshotException(lineNo, "teamSize must be at least 2, got " + n);
                    }
                    if (teamSize != null) {
                        throw new InvalidSnapshotException(lineNo, "a second Z line");
                    }
                    teamSize = n;
                }
                default -> throw new InvalidSnapshotException(lineNo, "unknown line kind \""
                        + (kind.length() > 8 ? kind.substring(0, 8) + "…" : kind)
                        + "\"; expected one of A E I K N P Q R T Z");
            }
        }

        private void expectFields(String[] f, int n, String form) {
            if (f.length != n) {
                throw new InvalidSnapshotException(lineNo, "expected \"" + form
                        + "\" (fields separated by single spaces), got " + f.length + " fields");
            }
        }

        private Stratum stratum(String text) {
            Stratum s = Stratum.parseOrNull(text);
            if (s == null) {
                throw new InvalidSnapshotException(lineNo, "unknown class \"" + text
                        + "\"; expected KEY, SPECIAL, GENERAL or DIRECTED");
            }
            return s;
        }
    }
}
