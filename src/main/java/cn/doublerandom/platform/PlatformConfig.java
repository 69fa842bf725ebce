package cn.doublerandom.platform;

import io.quarkus.runtime.configuration.MemorySize;
import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

import java.time.ZoneId;

/**
 * The platform's settings: the business time zone, the request body limit, the log format and the
 * base of the problem type URIs.
 * Each default is written here and nowhere else; a profile in application.properties may override it.
 */
@ConfigMapping(prefix = "doublerandom")
public interface PlatformConfig {

    /** The zone of business dates (draw dates, determination dates, deadlines); instants stay UTC. */
    @WithDefault("Asia/Shanghai")
    ZoneId businessZone();

    Http http();

    Log log();

    Problem problem();

    interface Http {
        /**
         * The largest request body, refused with a 413 problem, a body of no declared length as
         * soon as it goes over. Must be under the HTTP layer's own
         * {@code quarkus.http.limits.max-body-size}, which answers without a problem document; the
         * service refuses to start otherwise.
         */
        @WithDefault("32M")
        MemorySize maxBodySize();

        /**
         * The longest request target (path and query), in characters, refused with a 414 problem. Kept
         * under the HTTP layer's own {@code quarkus.http.limits.max-initial-line-length}, which answers
         * a longer request line with a bare 414 before any of the service runs.
         */
        @WithDefault("4096")
        int maxRequestTarget();
    }

    interface Log {
        /** JSON log lines, for production's log collectors; plain text in dev and test. */
        @WithDefault("true")
        boolean json();
    }

    interface Problem {
        /**
         * The base of the problem type URIs: the service's public address and {@code /problems/}, where
         * a page explains each type. Types are identifiers clients switch on, so the base is configured,
         * never taken from a request's Host.
         */
        @WithDefault("http://localhost:8080/problems/")
        String baseUri();
    }
}
