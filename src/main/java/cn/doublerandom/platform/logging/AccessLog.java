package cn.doublerandom.platform.logging;

import io.quarkus.security.identity.SecurityIdentity;
import io.quarkus.vertx.http.runtime.CurrentVertxRequest;
import io.quarkus.vertx.http.runtime.security.QuarkusHttpUser;
import io.vertx.ext.web.RoutingContext;
import io.vertx.ext.web.Router;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.container.ResourceInfo;
import org.jboss.logging.Logger;
import org.jboss.logging.MDC;
import org.jboss.resteasy.reactive.server.ServerResponseFilter;

import java.lang.reflect.AnnotatedElement;
import java.util.TreeSet;

/**
 * One line per request for operators, on the logger {@value #LOGGER}: method, path template (never
 * the ids in the path), status, duration, request id, actor and role. Never the token or the query.
 * Logged when the response has ended, so refusals before any resource ran (401, 413) are in it too.
 */
@ApplicationScoped
public class AccessLog {

    public static final String LOGGER = "cn.doublerandom.access";
    private static final Logger LOG = Logger.getLogger(LOGGER);
    private static final String TEMPLATE = "doublerandom.path-template";

    @Inject
    CurrentVertxRequest current;

    void install(@Observes Router router) {
        router.route().order(-10_000).handler(rc -> {
            long start = System.nanoTime();
            rc.addEndHandler(done -> log(rc, start));
            rc.next();
        });
    }

    /** The matched resource's template, for the line written when the response ends. */
    @ServerResponseFilter
    public void remember(ResourceInfo resource) {
        RoutingContext rc = current.getCurrent();
        if (rc != null && resource != null && resource.getResourceMethod() != null) {
            rc.put(TEMPLATE, join(path(resource.getResourceClass()), path(resource.getResourceMethod())));
        }
    }

    private static void log(RoutingContext rc, long start) {
        long ms = (System.nanoTime() - start) / 1_000_000;
        String template = rc.get(TEMPLATE);
        String requestId = rc.response().headers().get("X-Request-Id");
        String actor = "anonymous";
        String role = "-";
        if (rc.user() instanceof QuarkusHttpUser user) {
            SecurityIdentity identity = user.getSecurityIdentity();
            if (identity != null && !identity.isAnonymous()) {
                actor = identity.getPrincipal().getName();
                role = identity.getRoles().isEmpty() ? "-" : String.join(",", new TreeSet<>(identity.getRoles()));
            }
        }
        if (requestId != null) {
            MDC.put("requestId", requestId);
        }
        try {
            LOG.infof("%s %s %d %dms requestId=%s actor=%s role=%s", rc.request().method().name(),
                    template == null ? "(unmatched)" : template, rc.response().getStatusCode(), ms,
                    requestId == null ? "-" : requestId, actor, role);
        } finally {
            MDC.remove("requestId");
        }
    }

    private static String path(AnnotatedElement e) {
        Path p = e == null ? null : e.getAnnotation(Path.class);
        return p == null ? "" : p.value();
    }

    static String join(String a, String b) {
        String s = ("/" + a + "/" + b).replaceAll("/+", "/");
        return s.length() > 1 && s.endsWith("/") ? s.substring(0, s.length() - 1) : s;
    }
}
