package cn.doublerandom.portal;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

import java.time.Duration;

/** The public portal. */
@ConfigMapping(prefix = "doublerandom.portal")
public interface PortalConfig {

    Search search();

    RateLimit rateLimit();

    /** The public API's limit per client address: a burst, then a rate; beyond it 429 with Retry-After. */
    interface RateLimit {
        @WithDefault("true")
        boolean enabled();

        @WithDefault("300")
        int perMinute();

        @WithDefault("60")
        int burst();
    }

    interface Search {
        /** The in-memory bigram index of published names, one per replica; false searches in SQL. */
        @WithDefault("true")
        boolean index();

        /**
         * How often a replica's index asks for new publications: another replica's publications
         * appear in its searches within this time.
         */
        @WithDefault("100ms")
        Duration maxStaleness();
    }
}
