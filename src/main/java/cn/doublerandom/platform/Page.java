package cn.doublerandom.platform;

import cn.doublerandom.platform.problem.ProblemException;
import com.fasterxml.jackson.annotation.JsonInclude;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.function.Function;

/**
 * One page of a list, the one envelope of every list the API serves: pass {@code next} back as
 * {@code after} for the following page; {@code next} is null on the last page. {@code total} is the
 * length of the whole list where counting it costs nothing more than reading the page, else absent.
 */
public record Page<T>(List<T> items,
                      @Schema(description = "Pass as 'after' for the following page; null on the last page", nullable = true) String next,
                      @Schema(description = "How many the whole list holds, where that is cheap to know; absent otherwise")
                      @JsonInclude(JsonInclude.Include.NON_NULL) Integer total) {

    public static final int DEFAULT_LIMIT = 100;
    public static final int MAX_LIMIT = 1000;

    public Page(List<T> items, String next) {
        this(items, next, null);
    }

    /** Builds a page from {@code limit + 1} fetched rows: the extra row only says there is more. */
    public static <T> Page<T> of(List<T> fetched, int limit, Function<T, String> key) {
        if (fetched.size() <= limit) {
            return new Page<>(fetched, null);
        }
        List<T> items = fetched.subList(0, limit);
        return new Page<>(List.copyOf(items), key.apply(items.get(limit - 1)));
    }

    /**
     * One page of a list read whole (an entity's versions, a region's vocabulary, a draw's results):
     * the page starts after the element whose key the cursor names, so an element added before it
     * does not shift the page; the cursor is the key, base64url-encoded, and so opaque.
     */
    public static <T> Page<T> slice(List<T> all, Integer limitParam, String afterParam, Function<T, String> key) {
        int limit = Listing.limit(limitParam);
        String after = Listing.cursor(afterParam);
        int start = 0;
        if (after != null) {
            String wanted = decode(after);
            start = -1;
            for (int i = 0; i < all.size(); i++) {
                if (key.apply(all.get(i)).equals(wanted)) {
                    start = i + 1;
                    break;
                }
            }
            if (start < 0) {
                throw ProblemException.invalid("after", "after must be the 'next' value of the previous page");
            }
        }
        int end = Math.min(all.size(), start + limit);
        List<T> items = List.copyOf(all.subList(start, end));
        String next = end < all.size() ? encode(key.apply(all.get(end - 1))) : null;
        return new Page<>(items, next, all.size());
    }

    /**
     * The key the cursor names, for a list paged in its store after that key (keyset paging); null
     * without a cursor. A cursor that is not base64url of a key of the list's form is refused.
     */
    public static String afterKey(String afterParam, java.util.regex.Pattern form) {
        String after = Listing.cursor(afterParam);
        if (after == null) {
            return null;
        }
        String key = decode(after);
        if (!form.matcher(key).matches()) {
            throw ProblemException.invalid("after", "after must be the 'next' value of the previous page");
        }
        return key;
    }

    /**
     * A page from up to {@code limit + 1} elements read in the list's order after the cursor's key:
     * the extra one only says there is more. The cursor is the last item's key, as {@link #slice} makes it.
     */
    public static <T> Page<T> keyset(List<T> fetched, int limit, Function<T, String> key, Integer total) {
        if (fetched.size() <= limit) {
            return new Page<>(List.copyOf(fetched), null, total);
        }
        List<T> items = List.copyOf(fetched.subList(0, limit));
        return new Page<>(items, encode(key.apply(items.get(limit - 1))), total);
    }

    /** The same page with each item turned into another (an id into its view). */
    public <R> Page<R> map(Function<T, R> f) {
        return new Page<>(items.stream().map(f).toList(), next, total);
    }

    private static String encode(String key) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(key.getBytes(StandardCharsets.UTF_8));
    }

    private static String decode(String cursor) {
        try {
            return new String(Base64.getUrlDecoder().decode(cursor), StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            throw ProblemException.invalid("after", "after must be the 'next' value of the previous page");
        }
    }
}
