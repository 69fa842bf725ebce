package cn.doublerandom.publication;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** The publication job (一公开). */
@ConfigMapping(prefix = "doublerandom.publication")
public interface PublicationConfig {

    /**
     * When the job runs: a Quartz-style cron in Asia/Shanghai, read by {@link PublicationJob}'s
     * schedule; {@code off} disables it (tests drive the job with a fixed clock).
     */
    @WithDefault("0 5 * * * ?")
    String cron();

    /**
     * Unpublished results read per fetch, so that a large backlog (a province's first run, or
     * results entered while the job was off) never sits in memory at once.
     */
    @WithDefault("1000")
    int batch();
}
