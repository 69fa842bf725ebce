package cn.doublerandom.draw.engine;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.regex.Pattern;

/**
 * Canonical record texts of the ledger (DRAW-1 §5) and their chained hash. Every line ends in
 * "\n". Free texts (reasons, filters) must be single lines: any line break or other control
 * character (categories Cc, Zl, Zp) is rejected rather than escaped, so the stored text is
 * exactly what the caller gave.
 *
 * <p>Choices the spec leaves open: {@code at} must be a whole second (a finer instant is
 * rejected, so the text and any stored timestamp cannot differ); {@code given} is written "-"
 * when empty; the execute and fail builders compute {@code S = given + "|" + nonce} themselves.
 */
public final class LedgerRecord {
    /** {@code prevHash} before {@code seq 1}. */
    public static final String GENESIS_HASH = "0".repeat(64);

    private static final Pattern QUARTER = Pattern.compile("[0-9]{4}Q[1-4]");
    private static final DateTimeFormatter AT = DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ss'Z'")
            .withZone(ZoneOffset.UTC);

    private LedgerRecord() {
    }

    /** The {@code draw} line of a prepare record. */
    public enum DrawType { UNDIRECTED, DIRECTED }

    /**
     * The lines every record shares.
     *
     * @param seq       1, 2, 3, … over the whole ledger
     * @param drawId    the draw's id (no spaces)
     * @param authority the region code of the drawing authority
     * @param quarter   {@code YYYYQn}
     * @param at        UTC instant, whole seconds
     */
    public record Header(long seq, String drawId, String authority, String quarter, Instant at) {
        public Header {
            if (seq < 1) {
                throw new InvalidRecordException("seq must be 1 or more, got " + seq);
            }
            requireToken("draw id", drawId);
            requireToken("authority", authority);
            if (quarter == null || !QUARTER.matcher(quarter).matches()) {
                throw new InvalidRecordException("quarter must look like 2025Q3, got " + quarter);
            }
            if (at == null || at.getNano() != 0) {
                throw new InvalidRecordException("at must be a whole second (truncate it first), got " + at);
            }
            if (at.atOffset(ZoneOffset.UTC).getYear() < 0 || at.atOffset(ZoneOffset.UTC).getYear() > 9999) {
                throw new InvalidRecordException("at must be within years 0000-9999, got " + at);
            }
        }
    }

    /** {@code prepare}: the pool is committed before any seed exists. {@code filter}/{@code replaces} null → "-". */
    public static String prepare(Header h, DrawType type, String filter, List<String> items, LocalDate date,
                                 String poolHash, String commit, String replaces) {
        return prepare(h, type, filter, items, date, poolHash, commit, replaces, null);
    }

    /**
     * The same with a public source of randomness named in advance: a last line
     * {@code randomness <source> <round>}, only when one is named (a record without one is as before).
     */
    public static String prepare(Header h, DrawType type, String filter, List<String> items, LocalDate date,
                                 String poolHash, String commit, String replaces, PublicRandomness randomness) {
        return prepare(h, type, filter, items, date, poolHash, commit, replaces, randomness, null);
    }

    /**
     * Format 2: the same with a last line {@code salt <32 lowercase hex>} (before {@code at}), the secret of the
     * pool's salted commitment ({@link PoolCommitment}); {@code salt} null writes format 1, byte for byte as before.
     */
    public static String prepare(Header h, DrawType type, String filter, List<String> items, LocalDate date,
                                 String poolHash, String commit, String replaces, PublicRandomness randomness, String salt) {
        if (type == null) {
            throw new InvalidRecordException("draw type is missing");
        }
        if (items == null || items.isEmpty()) {
            throw new InvalidRecordException("a draw needs at least one item id");
        }
        for (String item : items) {
            requireToken("item id", item);
            if (item.contains(",")) {
                throw new InvalidRecordException("item id must not contain a comma: " + item);
            }
        }
        if (date == null || date.getYear() < 0 || date.getYear() > 9999) {
            throw new InvalidRecordException("draw date must be within years 0000-9999, got " + date);
        }
        requireHash("pool", poolHash);
        requireHash("commit", commit);
        if (replaces != null) {
            requireToken("replaced draw id", replaces);
        }
        StringBuilder b = start(h, "prepare");
        line(b, "draw " + type.name());
        line(b, "filter " + (filter == null || filter.isEmpty() ? "-" : singleLine("filter", filter)));
        line(b, "items " + String.join(",", items));
        line(b, "date " + date);
        line(b, "pool " + poolHash);
        line(b, "commit " + commit);
        line(b, "replaces " + (replaces == null ? "-" : replaces));
        if (randomness != null) {
            line(b, PublicRandomness.LINE + randomness.text());
        }
        salt(b, salt);
        return end(b, h);
    }

    /** {@code execute}: {@code S = given + "|" + nonce}, then the result lines of {@code result}. */
    public static String execute(Header h, String given, String nonce, DrawOutcome.Success result) {
        return execute(h, given, nonce, result.resultText());
    }

    /** {@code execute} from the result's {@link DrawOutcome.Success#resultText() text}, its lines joined by "\n". */
    public static String execute(Header h, String given, String nonce, String resultText) {
        StringBuilder b = start(h, "execute", resultText.length() + 512);
        line(b, "algorithm DRAW-1");
        coinToss(b, given, nonce);
        if (!resultText.isEmpty()) {
            line(b, resultText);
        }
        return end(b, h);
    }

    /** {@code fail}: an execute attempt that failed (§3 step 5); {@code reason} e.g. {@link DrawOutcome.Failure#reason()}. */
    public static String fail(Header h, String given, String nonce, String reason) {
        StringBuilder b = start(h, "fail");
        coinToss(b, given, nonce);
        line(b, "reason " + singleLine("reason", reason));
        return end(b, h);
    }

    /** {@code void}: a draw voided with a reason. */
    public static String voidDraw(Header h, String reason) {
        StringBuilder b = start(h, "void");
        line(b, "reason " + singleLine("reason", reason));
        return end(b, h);
    }

    /** {@code substitute}: {@code team} is the target's team as replaced (after the substitution). */
    public static String substitute(Header h, String reason, String uscc, List<String> team) {
        return substitute(h, reason, uscc, team, null);
    }

    /**
     * Format 2: the same with a last line {@code salt <32 lowercase hex>}, fresh for the record, so that its leaf
     * hash cannot confirm a guess of the target it names while that target's result is confidential.
     */
    public static String substitute(Header h, String reason, String uscc, List<String> team, String salt) {
        PoolSnapshot.checkCode("USCC", uscc, 0);
        if (team == null || team.isEmpty()) {
            throw new InvalidRecordException("a substitute record needs the replaced team");
        }
        for (String code : team) {
            PoolSnapshot.checkCode("member code", code, 0);
        }
        StringBuilder b = start(h, "substitute");
        line(b, "reason " + singleLine("reason", reason));
        line(b, "team " + uscc + " " + String.join(",", team));
        salt(b, salt);
        return end(b, h);
    }

    /** {@code recordHash = lowercase hex SHA-256(UTF-8(prevHash + "\n" + text))}. */
    public static String recordHash(String prevHash, String text) {
        requireHash("previous hash", prevHash);
        return Sha256.hex(prevHash + "\n" + text);
    }

    private static void salt(StringBuilder b, String salt) {
        if (salt == null) {
            return;
        }
        if (!PoolCommitment.isSalt(salt)) {
            throw new InvalidRecordException("salt must be 32 lowercase hex characters, got " + salt);
        }
        line(b, PoolCommitment.LINE + salt);
    }

    private static void coinToss(StringBuilder b, String given, String nonce) {
        Seed s = Seed.combine(given, nonce); // validates given and nonce
        line(b, "given " + (given == null || given.isEmpty() ? "-" : given));
        line(b, "nonce " + nonce);
        line(b, "seed " + s.value());
    }

    private static StringBuilder start(Header h, String kind) {
        return start(h, kind, 256);
    }

    private static StringBuilder start(Header h, String kind, int capacity) {
        StringBuilder b = new StringBuilder(capacity);
        line(b, "seq " + h.seq());
        line(b, kind + " " + h.drawId());
        line(b, "authority " + h.authority());
        line(b, "quarter " + h.quarter());
        return b;
    }

    private static String end(StringBuilder b, Header h) {
        line(b, "at " + AT.format(h.at()));
        return b.toString();
    }

    private static void line(StringBuilder b, String text) {
        b.append(text).append('\n');
    }

    private static void requireHash(String what, String hash) {
        if (!Sha256.isHex64(hash)) {
            throw new InvalidRecordException(what + " must be 64 lowercase hex characters, got " + hash);
        }
    }

    /** A non-empty field without spaces or control characters. */
    private static void requireToken(String what, String s) {
        if (s == null || s.isEmpty()) {
            throw new InvalidRecordException(what + " is missing");
        }
        singleLine(what, s);
        for (int i = 0; i < s.length(); ) {
            int cp = s.codePointAt(i);
            if (Character.isWhitespace(cp) || Character.isSpaceChar(cp)) {
                throw new InvalidRecordException(what + " must not contain spaces: \"" + s + "\"");
            }
            i += Character.charCount(cp);
        }
    }

    /** Rejects empty texts and any line break or control character (Cc, Zl, Zp). */
    static String singleLine(String what, String s) {
        if (s == null || s.isEmpty()) {
            throw new InvalidRecordException(what + " is missing");
        }
        int position = 0;
        for (int i = 0; i < s.length(); ) {
            int cp = s.codePointAt(i);
            position++;
            int type = Character.getType(cp);
            if (type == Character.CONTROL || type == Character.LINE_SEPARATOR
                    || type == Character.PARAGRAPH_SEPARATOR) {
                throw new InvalidRecordException(what + " must be a single line: it has "
                        + String.format("U+%04X", cp) + " at position " + position);
            }
            i += Character.charCount(cp);
        }
        return s;
    }
}
