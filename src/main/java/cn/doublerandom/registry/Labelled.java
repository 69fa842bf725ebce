package cn.doublerandom.registry;

import java.util.Arrays;
import java.util.Optional;

/** A registry code with the Chinese wording bureaus use in their spreadsheets. */
public interface Labelled {

    String name();

    String label();

    /** The constant whose code (KEY) or Chinese label (重点管理) is {@code text}, ignoring case and spaces. */
    static <E extends Enum<E> & Labelled> Optional<E> parse(Class<E> type, String text) {
        if (text == null) {
            return Optional.empty();
        }
        String t = text.strip();
        return Arrays.stream(type.getEnumConstants())
                .filter(e -> e.name().equalsIgnoreCase(t) || e.label().equals(t))
                .findFirst();
    }
}
