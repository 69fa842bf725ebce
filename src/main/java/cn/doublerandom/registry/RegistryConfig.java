package cn.doublerandom.registry;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import io.smallrye.config.WithName;

/** The target and inspector registries. */
@ConfigMapping(prefix = "doublerandom")
public interface RegistryConfig {

    @WithName("import")
    Import importing();

    Classification classification();

    /** Named for the draws that read it, but the mirror of the target registry is the registry's. */
    Draw draw();

    interface Import {
        /** The largest import file, in data rows. */
        @WithDefault("200000")
        int maxRows();
    }

    interface Classification {
        /** Whether the special-supervision list outweighs the general one when a target is on both. */
        @WithDefault("true")
        boolean specialOverGeneral();
    }

    interface Draw {
        Mirror mirror();
    }

    interface Mirror {
        /**
         * How often a replica's in-memory copy of the target registry, from which province draws
         * read their pool, catches up with the table (it also does at every province draw); the
         * first run reads the whole table. {@code off}: only draws catch it up. Read by the
         * mirror's schedule.
         */
        @WithDefault("5s")
        String refresh();
    }
}
