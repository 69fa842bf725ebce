package cn.doublerandom.demo;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** The demo data: off in production, on in the dev and demo profiles. */
@ConfigMapping(prefix = "doublerandom.demo")
public interface DemoConfig {

    /** Loads a city with its counties, targets and inspectors at start (once: a loaded database is left alone). */
    @WithDefault("false")
    boolean enabled();

    @WithDefault("200")
    int targetsPerCounty();

    @WithDefault("12")
    int inspectorsPerCounty();
}
