package cn.doublerandom.portal;

import cn.doublerandom.platform.problem.Problem;
import cn.doublerandom.platform.problem.ProblemException;
import cn.doublerandom.platform.problem.ProblemTexts;
import cn.doublerandom.platform.problem.ProblemType;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.vertx.core.net.SocketAddress;
import io.vertx.ext.web.Router;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;

/**
 * Limits the public API ({@code /public/}) per client address: beyond the burst and the rate a
 * client gets 429 with {@code Retry-After} and a problem document. The bureau API needs a token
 * and is not limited here. Settings: {@link PortalConfig.RateLimit} (README).
 */
@ApplicationScoped
public class PublicRateLimit {

    @Inject
    PortalConfig config;

    @Inject
    ObjectMapper json;

    void install(@Observes Router router) {
        if (!config.rateLimit().enabled()) {
            return;
        }
        int perMinute = config.rateLimit().perMinute();
        RateLimiter limiter = new RateLimiter(perMinute, config.rateLimit().burst(), System::nanoTime);
        router.route("/public/*").order(-9_000).handler(rc -> {
            SocketAddress peer = rc.request().remoteAddress();
            long wait = limiter.acquire(peer == null ? "-" : peer.hostAddress());
            if (wait == 0) {
                rc.next();
                return;
            }
            Problem p = ProblemTexts.localize(new ProblemException(ProblemType.TOO_MANY_REQUESTS, "more than " + perMinute
                    + " requests a minute from your address; retry after " + wait + " s").toProblem(rc.request().path()),
                    rc.request().getHeader("Accept-Language"));
            String body;
            try {
                body = json.writeValueAsString(p);
            } catch (JsonProcessingException e) {
                body = "{\"status\":429}";
            }
            rc.response().setStatusCode(429).putHeader("Retry-After", Long.toString(wait))
                    .putHeader("Content-Type", Problem.MEDIA_TYPE).end(body);
        });
    }
}
