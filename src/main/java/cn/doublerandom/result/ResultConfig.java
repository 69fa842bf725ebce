package cn.doublerandom.result;

import io.quarkus.runtime.configuration.MemorySize;
import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** Results and their evidence. */
@ConfigMapping(prefix = "doublerandom")
public interface ResultConfig {

    Attachments attachments();

    interface Attachments {
        /** The largest attachment accepted; the bytes go to the AttachmentStore (PostgreSQL unless another is deployed). */
        @WithDefault("20M")
        MemorySize maxSize();
    }
}
