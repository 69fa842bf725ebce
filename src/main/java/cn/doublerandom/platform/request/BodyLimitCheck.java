package cn.doublerandom.platform.request;

import cn.doublerandom.platform.PlatformConfig;
import io.quarkus.runtime.StartupEvent;
import io.quarkus.vertx.http.runtime.VertxHttpConfig;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;

import java.util.OptionalLong;

/**
 * Refuses to start unless {@code doublerandom.http.max-body-size} is under the HTTP layer's own
 * {@code quarkus.http.limits.max-body-size}. {@link BodySizeFilter}'s count must trip first: were the HTTP
 * layer's limit reached while an endpoint reads a chunked body, it would end the response with a bare 413
 * itself, and the service's problem would then have nowhere to go (Quarkus logs that as an error).
 */
@ApplicationScoped
class BodyLimitCheck {

    @Inject
    PlatformConfig config;

    @Inject
    VertxHttpConfig http;

    void onStart(@Observes StartupEvent start) {
        requireUnderTheHttpLayer(config.http().maxBodySize().asLongValue(),
                http.limits().maxBodySize().map(m -> OptionalLong.of(m.asLongValue())).orElse(OptionalLong.empty()));
    }

    /** Throws unless {@code service} bytes are under {@code httpLayer}'s (no HTTP limit: any). */
    static void requireUnderTheHttpLayer(long service, OptionalLong httpLayer) {
        if (httpLayer.isPresent() && service >= httpLayer.getAsLong()) {
            throw new IllegalStateException("doublerandom.http.max-body-size (" + service + " bytes) must be under "
                    + "quarkus.http.limits.max-body-size (" + httpLayer.getAsLong() + " bytes): the service refuses a "
                    + "body over its limit with a problem only while the HTTP layer has not cut it off first");
        }
    }
}
