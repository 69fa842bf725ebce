package cn.doublerandom.draw.engine;

import java.util.Arrays;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * A public source of randomness named at prepare, before its value exists (the method of RFC 3797):
 * the prepare record carries {@code randomness <source> <round>}, and at execute the given part of
 * the seed must be that round's value, written in the source's format, so that anyone can check it
 * against the source. The sources:
 * <ul>
 * <li>{@code ssq <issue>}: 中国福利彩票双色球, issue {@code YYYYNNN}; value six red balls 01-33 in
 * ascending order, then {@code +} and the blue ball 01-16: {@code 03 09 14 22 27 31 + 05}.</li>
 * <li>{@code dlt <issue>}: 体彩超级大乐透, issue {@code YYNNN}; value five front balls 01-35 in
 * ascending order, then {@code +} and two back balls 01-12 in ascending order:
 * {@code 02 11 19 28 33 + 04 09}.</li>
 * <li>{@code drand <round>}: the drand League of Entropy mainnet beacon; value the round's
 * {@code randomness}, 64 lowercase hex characters.</li>
 * <li>{@code nist <pulse>}: the NIST randomness beacon 2.0, chain 2; value the pulse's
 * {@code outputValue}, 128 uppercase hex characters.</li>
 * </ul>
 */
public record PublicRandomness(String source, String round) {

    /** The prepare record's line, before {@link #text()}. */
    static final String LINE = "randomness ";

    private enum Source {
        SSQ("[0-9]{7}", "six red balls 01-33 ascending, '+', the blue ball 01-16, e.g. 03 09 14 22 27 31 + 05") {
            @Override
            boolean valid(String v) {
                return balls(v, 6, 33, 1, 16);
            }
        },
        DLT("[0-9]{5}", "five front balls 01-35 ascending, '+', two back balls 01-12 ascending, e.g. 02 11 19 28 33 + 04 09") {
            @Override
            boolean valid(String v) {
                return balls(v, 5, 35, 2, 12);
            }
        },
        DRAND("[1-9][0-9]{0,17}", "the round's randomness, 64 lowercase hex characters") {
            @Override
            boolean valid(String v) {
                return v.matches("[0-9a-f]{64}");
            }
        },
        NIST("[1-9][0-9]{0,17}", "the pulse's outputValue, 128 uppercase hex characters") {
            @Override
            boolean valid(String v) {
                return v.matches("[0-9A-F]{128}");
            }
        };

        final Pattern round;
        final String format;

        Source(String round, String format) {
            this.round = Pattern.compile(round);
            this.format = format;
        }

        abstract boolean valid(String value);
    }

    public PublicRandomness {
        Source s = source == null ? null : Arrays.stream(Source.values())
                .filter(x -> x.name().toLowerCase(Locale.ROOT).equals(source)).findFirst().orElse(null);
        if (s == null) {
            throw new InvalidSeedException("unknown public randomness source " + source + ": ssq, dlt, drand or nist");
        }
        if (round == null || !s.round.matcher(round).matches()) {
            throw new InvalidSeedException("the round of " + source + " must match " + s.round.pattern() + ", got " + round);
        }
    }

    /** Parses the record's form {@code <source> <round>}. */
    public static PublicRandomness parse(String text) {
        if (text == null) {
            throw new InvalidSeedException("public randomness is missing");
        }
        String[] parts = text.split(" ", -1);
        if (parts.length != 2) {
            throw new InvalidSeedException("public randomness is written '<source> <round>', e.g. 'ssq 2026130'");
        }
        return new PublicRandomness(parts[0], parts[1]);
    }

    /** The source a prepare record names on its {@code randomness} line, or null if it names none. */
    public static PublicRandomness ofPrepare(String recordText) {
        for (String line : recordText.split("\n")) {
            if (line.startsWith(LINE)) {
                return parse(line.substring(LINE.length()));
            }
        }
        return null;
    }

    /** The record's form, {@code <source> <round>}. */
    public String text() {
        return source + " " + round;
    }

    /** What the source's value looks like. */
    public String format() {
        return kind().format;
    }

    /** The given part of the seed must be the source's value in its format. */
    public void requireValue(String given) {
        if (given == null || !kind().valid(given)) {
            throw new InvalidSeedException("the draw named " + text() + " at prepare: the given seed must be its value, "
                    + format());
        }
    }

    private Source kind() {
        return Source.valueOf(source.toUpperCase(Locale.ROOT));
    }

    /** {@code count} distinct ascending numbers 01..max, " + ", then {@code extra} distinct ascending 01..extraMax. */
    private static boolean balls(String v, int count, int max, int extra, int extraMax) {
        String[] halves = v.split(" \\+ ", -1);
        return halves.length == 2 && ascending(halves[0], count, max) && ascending(halves[1], extra, extraMax);
    }

    private static boolean ascending(String part, int count, int max) {
        String[] balls = part.split(" ", -1);
        if (balls.length != count) {
            return false;
        }
        int last = 0;
        for (String b : balls) {
            if (!b.matches("[0-9]{2}")) {
                return false;
            }
            int n = Integer.parseInt(b);
            if (n <= last || n > max) {
                return false;
            }
            last = n;
        }
        return true;
    }
}
