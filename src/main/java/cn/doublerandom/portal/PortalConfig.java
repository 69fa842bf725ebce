package cn.doublerandom.portal;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

import java.time.Duration;
import java.util.Optional;

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

    Site site();

    /** The footer of every page: each bureau's own sponsor, contact and registrations; an unset one is left out. */
    interface Site {
        /** 主办单位 */
        Optional<String> sponsor();

        /** 联系方式 */
        Optional<String> contact();

        /** 网站标识码 */
        Optional<String> siteCode();

        /** ICP备案号 */
        Optional<String> icp();
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
