package cn.doublerandom.platform;

import java.util.List;

/**
 * One page of a keyset-paginated list: pass {@code next} back as {@code after} for the following
 * page; {@code next} is null on the last page.
 */
public record Page<T>(List<T> items, String next) {

    public static final int DEFAULT_LIMIT = 100;
    public static final int MAX_LIMIT = 1000;

    /** Builds a page from {@code limit + 1} fetched rows: the extra row only says there is more. */
    public static <T> Page<T> of(List<T> fetched, int limit, java.util.function.Function<T, String> key) {
        if (fetched.size() <= limit) {
            return new Page<>(fetched, null);
        }
        List<T> items = fetched.subList(0, limit);
        return new Page<>(List.copyOf(items), key.apply(items.get(limit - 1)));
    }
}
