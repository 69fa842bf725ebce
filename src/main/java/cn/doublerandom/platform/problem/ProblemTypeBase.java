package cn.doublerandom.platform.problem;

import cn.doublerandom.platform.PlatformConfig;
import io.quarkus.runtime.Startup;
import jakarta.enterprise.context.ApplicationScoped;

/** Gives {@link ProblemType} its configured base before the service answers anything. */
@Startup
@ApplicationScoped
public class ProblemTypeBase {

    ProblemTypeBase(PlatformConfig config) {
        ProblemType.useBase(config.problem().baseUri());
    }
}
