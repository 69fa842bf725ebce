package cn.doublerandom.calendar;

import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * Strict reader for the holiday-cn notice format:
 * <pre>{@code {"year":2026,"papers":["https://..."],"days":[{"name":"元旦","date":"2026-01-01","isOffDay":true}, ...]}}</pre>
 *
 * <p>The JSON syntax is RFC 8259 (strings with all escapes including {@code \}{@code uXXXX},
 * numbers, {@code true}/{@code false}/{@code null}, arrays, objects; a leading byte-order mark is
 * skipped; nothing but whitespace may follow the root value; duplicate member names are rejected).
 * Unknown members such as {@code $schema} and {@code $id} are ignored, at the top level and in the
 * day entries. {@code year} must be an integer written without fraction or exponent; {@code date}
 * must be {@code yyyy-MM-dd} and a real calendar date.
 *
 * <p>Every problem is reported as an {@link IllegalArgumentException} whose message names the
 * place: {@code line:column} for syntax errors, the member path (e.g. {@code days[3].date}) for
 * shape errors, and {@code days[i] (date name)} for the checks of {@link HolidayNotice}.
 */
public final class HolidayNoticeJson {

    private static final int MAX_DEPTH = 64;
    private static final String ROOT = "$";
    private static final Pattern ISO_DATE = Pattern.compile("\\d{4}-\\d{2}-\\d{2}");
    private static final Pattern PLAIN_INTEGER = Pattern.compile("-?\\d{1,9}");

    private HolidayNoticeJson() {
    }

    /** Parses and validates one notice. */
    public static HolidayNotice parse(String json) {
        Objects.requireNonNull(json, "json");
        Object root = new Parser(json).parseDocument();
        Map<String, Object> object = asObject(root, ROOT);

        int year = integer(required(object, "year", "year"), "year");
        List<Object> paperValues = asArray(required(object, "papers", "papers"), "papers");
        List<String> papers = new ArrayList<>(paperValues.size());
        for (int i = 0; i < paperValues.size(); i++) {
            papers.add(asString(paperValues.get(i), "papers[" + i + "]"));
        }
        List<Object> dayValues = asArray(required(object, "days", "days"), "days");
        List<NoticeDay> days = new ArrayList<>(dayValues.size());
        for (int i = 0; i < dayValues.size(); i++) {
            String path = "days[" + i + "]";
            Map<String, Object> day = asObject(dayValues.get(i), path);
            String name = asString(required(day, "name", path + ".name"), path + ".name");
            if (name.isBlank()) {
                throw new IllegalArgumentException("Field '" + path + ".name' must not be blank");
            }
            LocalDate date = date(required(day, "date", path + ".date"), path + ".date");
            boolean offDay = asBoolean(required(day, "isOffDay", path + ".isOffDay"), path + ".isOffDay");
            days.add(new NoticeDay(name, date, offDay));
        }
        return new HolidayNotice(year, papers, days);
    }

    // ---------------------------------------------------------------- shape helpers

    private static Object required(Map<String, Object> object, String key, String path) {
        if (!object.containsKey(key)) {
            throw new IllegalArgumentException("Missing required field '" + path + "'");
        }
        return object.get(key);
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> asObject(Object value, String path) {
        if (value instanceof Map) {
            return (Map<String, Object>) value;
        }
        throw wrongType(path, "an object", value);
    }

    @SuppressWarnings("unchecked")
    private static List<Object> asArray(Object value, String path) {
        if (value instanceof List) {
            return (List<Object>) value;
        }
        throw wrongType(path, "an array", value);
    }

    private static String asString(Object value, String path) {
        if (value instanceof String s) {
            return s;
        }
        throw wrongType(path, "a string", value);
    }

    private static boolean asBoolean(Object value, String path) {
        if (value instanceof Boolean b) {
            return b;
        }
        throw wrongType(path, "true or false", value);
    }

    private static int integer(Object value, String path) {
        if (!(value instanceof JsonNumber number)) {
            throw wrongType(path, "an integer number", value);
        }
        if (!PLAIN_INTEGER.matcher(number.text()).matches()) {
            throw new IllegalArgumentException("Field '" + path
                    + "' must be an integer without fraction or exponent (at most 9 digits), got " + number.text());
        }
        return Integer.parseInt(number.text());
    }

    private static LocalDate date(Object value, String path) {
        String text = asString(value, path);
        if (ISO_DATE.matcher(text).matches()) {
            try {
                return LocalDate.parse(text, DateTimeFormatter.ISO_LOCAL_DATE);
            } catch (DateTimeParseException e) {
                // fall through: well-formed but not a real date, e.g. 2025-02-30
            }
        }
        throw new IllegalArgumentException("Field '" + path + "' must be a date in the form yyyy-MM-dd, got "
                + quote(text));
    }

    private static IllegalArgumentException wrongType(String path, String expected, Object actual) {
        String where = path.equals(ROOT) ? "The JSON root" : "Field '" + path + "'";
        return new IllegalArgumentException(where + " must be " + expected + ", got " + describe(actual));
    }

    private static String describe(Object value) {
        if (value == JsonNull.NULL) {
            return "null";
        }
        if (value instanceof String s) {
            return "string " + quote(s);
        }
        if (value instanceof JsonNumber n) {
            return "number " + n.text();
        }
        if (value instanceof Boolean b) {
            return b.toString();
        }
        if (value instanceof List) {
            return "an array";
        }
        return "an object";
    }

    private static String quote(String s) {
        String shown = s.length() > 40 ? s.substring(0, 40) + "…" : s;
        return '"' + shown + '"';
    }

    // ---------------------------------------------------------------- JSON syntax

    /** A number kept as its (validated) source text. */
    private record JsonNumber(String text) {
    }

    private enum JsonNull { NULL }

    /**
     * Recursive-descent parser producing LinkedHashMap / ArrayList / String / JsonNumber / Boolean /
     * JsonNull.
     */
    private static final class Parser {
        private final String in;
        private int pos;
        private int depth;

        Parser(String in) {
            this.in = in;
        }

        Object parseDocument() {
            if (in.startsWith("\uFEFF")) {
                pos = 1;
            }
            skipWhitespace();
            if (pos >= in.length()) {
                throw error("empty input, expected a JSON object");
            }
            Object value = parseValue();
            skipWhitespace();
            if (pos < in.length()) {
                throw error("unexpected " + found() + " after the end of the JSON value");
            }
            return value;
        }

        private Object parseValue() {
            if (pos >= in.length()) {
                throw error("unexpected end of input, expected a value");
            }
            char c = in.charAt(pos);
            switch (c) {
                case '{':
                    return parseObject();
                case '[':
                    return parseArray();
                case '"':
                    return parseString();
                case 't':
                    return literal("true", Boolean.TRUE);
                case 'f':
                    return literal("false", Boolean.FALSE);
                case 'n':
                    return literal("null", JsonNull.NULL);
                default:
                    if (c == '-' || (c >= '0' && c <= '9')) {
                        return parseNumber();
                    }
                    throw error("unexpected " + found() + ", expected a value");
            }
        }

        private Map<String, Object> parseObject() {
            enter();
            int start = pos;
            pos++; // '{'
            Map<String, Object> members = new LinkedHashMap<>();
            skipWhitespace();
            if (peek() == '}') {
                pos++;
                depth--;
                return members;
            }
            while (true) {
                skipWhitespace();
                if (peek() != '"') {
                    throw error("unexpected " + found() + ", expected a member name in double quotes");
                }
                int keyPos = pos;
                String key = parseString();
                skipWhitespace();
                expect(':', "':' after member name \"" + key + "\"");
                skipWhitespace();
                Object value = parseValue();
                if (members.containsKey(key)) {
                    throw errorAt(keyPos, "duplicate member name \"" + key + "\" in the object starting at "
                            + position(start));
                }
                members.put(key, value);
                skipWhitespace();
                char c = peek();
                if (c == ',') {
                    pos++;
                } else if (c == '}') {
                    pos++;
                    depth--;
                    return members;
                } else {
                    throw error("unexpected " + found() + ", expected ',' or '}'");
                }
            }
        }

        private List<Object> parseArray() {
            enter();
            pos++; // '['
            List<Object> items = new ArrayList<>();
            skipWhitespace();
            if (peek() == ']') {
                pos++;
                depth--;
                return items;
            }
            while (true) {
                skipWhitespace();
                items.add(parseValue());
                skipWhitespace();
                char c = peek();
                if (c == ',') {
                    pos++;
                } else if (c == ']') {
                    pos++;
                    depth--;
                    return items;
                } else {
                    throw error("unexpected " + found() + ", expected ',' or ']'");
                }
            }
        }

        private String parseString() {
            int start = pos;
            pos++; // opening quote
            StringBuilder sb = new StringBuilder();
            while (true) {
                if (pos >= in.length()) {
                    throw errorAt(start, "unterminated string");
                }
                char c = in.charAt(pos);
                if (c == '"') {
                    pos++;
                    return sb.toString();
                }
                if (c < 0x20) {
                    throw error("unescaped control character U+" + String.format("%04X", (int) c)
                            + " in string");
                }
                if (c != '\\') {
                    sb.append(c);
                    pos++;
                    continue;
                }
                if (pos + 1 >= in.length()) {
                    throw errorAt(start, "unterminated string");
                }
                char e = in.charAt(pos + 1);
                switch (e) {
                    case '"': sb.append('"'); break;
                    case '\\': sb.append('\\'); break;
                    case '/': sb.append('/'); break;
                    case 'b': sb.append('\b'); break;
                    case 'f': sb.append('\f'); break;
                    case 'n': sb.append('\n'); break;
                    case 'r': sb.append('\r'); break;
                    case 't': sb.append('\t'); break;
                    case 'u': {
                        if (pos + 6 > in.length()) {
                            throw error("incomplete \\u escape, expected 4 hex digits");
                        }
                        int code = 0;
                        for (int k = pos + 2; k < pos + 6; k++) {
                            int digit = hexValue(in.charAt(k));
                            if (digit < 0) {
                                throw error("invalid \\u escape \"" + in.substring(pos, pos + 6)
                                        + "\", expected 4 hex digits");
                            }
                            code = code * 16 + digit;
                        }
                        sb.append((char) code);
                        pos += 4;
                        break;
                    }
                    default:
                        throw error("invalid escape \"\\" + e + "\" in string");
                }
                pos += 2;
            }
        }

        private JsonNumber parseNumber() {
            int start = pos;
            if (peek() == '-') {
                pos++;
            }
            if (peek() == '0') {
                pos++;
            } else if (isDigit(peek())) {
                while (isDigit(peek())) {
                    pos++;
                }
            } else {
                throw error("invalid number, expected a digit after '-'");
            }
            if (peek() == '.') {
                pos++;
                if (!isDigit(peek())) {
                    throw error("invalid number, expected a digit after '.'");
                }
                while (isDigit(peek())) {
                    pos++;
                }
            }
            if (peek() == 'e' || peek() == 'E') {
                pos++;
                if (peek() == '+' || peek() == '-') {
                    pos++;
                }
                if (!isDigit(peek())) {
                    throw error("invalid number, expected a digit in the exponent");
                }
                while (isDigit(peek())) {
                    pos++;
                }
            }
            if (isDigit(peek())) {
                throw error("invalid number, leading zeros are not allowed");
            }
            return new JsonNumber(in.substring(start, pos));
        }

        private Object literal(String word, Object value) {
            if (in.startsWith(word, pos)) {
                pos += word.length();
                return value;
            }
            throw error("unexpected " + found() + ", expected a value");
        }

        private void enter() {
            if (++depth > MAX_DEPTH) {
                throw error("nesting deeper than " + MAX_DEPTH + " levels");
            }
        }

        private void expect(char c, String what) {
            if (peek() != c) {
                throw error("unexpected " + found() + ", expected " + what);
            }
            pos++;
        }

        private void skipWhitespace() {
            while (pos < in.length()) {
                char c = in.charAt(pos);
                if (c == ' ' || c == '\t' || c == '\n' || c == '\r') {
                    pos++;
                } else {
                    break;
                }
            }
        }

        /** The current char, or U+0000 at end of input (never valid where a real char is needed). */
        private char peek() {
            return pos < in.length() ? in.charAt(pos) : '\0';
        }

        private static int hexValue(char c) {
            if (c >= '0' && c <= '9') {
                return c - '0';
            }
            if (c >= 'a' && c <= 'f') {
                return c - 'a' + 10;
            }
            if (c >= 'A' && c <= 'F') {
                return c - 'A' + 10;
            }
            return -1;
        }

        private static boolean isDigit(char c) {
            return c >= '0' && c <= '9';
        }

        private String found() {
            if (pos >= in.length()) {
                return "end of input";
            }
            char c = in.charAt(pos);
            if (c < 0x20 || c == 0x7F) {
                return "character U+" + String.format("%04X", (int) c);
            }
            return "character '" + c + "'";
        }

        private IllegalArgumentException error(String message) {
            return errorAt(pos, message);
        }

        private IllegalArgumentException errorAt(int at, String message) {
            return new IllegalArgumentException("Malformed JSON at " + position(at) + ": " + message);
        }

        private String position(int at) {
            int line = 1;
            int column = 1;
            for (int i = 0; i < at && i < in.length(); i++) {
                if (in.charAt(i) == '\n') {
                    line++;
                    column = 1;
                } else {
                    column++;
                }
            }
            return "line " + line + ", column " + column;
        }
    }
}
