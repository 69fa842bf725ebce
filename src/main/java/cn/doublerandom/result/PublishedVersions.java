package cn.doublerandom.result;

import java.time.Instant;
import java.util.List;

/**
 * What a result learns from publication (公开) about itself: which of its versions are published, when, and
 * whether on time. The publication capability owns those rows and implements this; it already depends on
 * result for its rules, so result asks through this interface rather than depending on publication back.
 */
public interface PublishedVersions {

    /** One published version; {@code onTime} is null where the deadline could not be decided. */
    record Published(int version, Instant publishedAt, Boolean onTime) {
    }

    /** The published versions of a result, none when it is not (yet) published. */
    List<Published> of(String resultId);

    default boolean anyOf(String resultId) {
        return !of(resultId).isEmpty();
    }
}
