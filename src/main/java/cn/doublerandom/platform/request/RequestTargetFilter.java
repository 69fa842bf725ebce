package cn.doublerandom.platform.request;

import cn.doublerandom.platform.PlatformConfig;
import cn.doublerandom.platform.problem.Problem;
import cn.doublerandom.platform.problem.ProblemException;
import cn.doublerandom.platform.problem.ProblemTexts;
import cn.doublerandom.platform.problem.ProblemType;
import io.vertx.core.http.HttpServerRequest;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.core.Response;
import org.jboss.resteasy.reactive.server.ServerRequestFilter;

/**
 * Refuses a request target (path and query) over {@code doublerandom.http.max-request-target}
 * characters with a 414 problem, before anything reads it. The HTTP decoder's own limit
 * ({@code quarkus.http.limits.max-initial-line-length}) is set higher, so that such a request reaches
 * this filter instead of getting the decoder's bare 414.
 */
@ApplicationScoped
public class RequestTargetFilter {

    @Inject
    PlatformConfig config;

    @ServerRequestFilter(preMatching = true, priority = 5)
    public Response check(HttpServerRequest request) {
        String uri = request.uri();
        int limit = config.http().maxRequestTarget();
        if (uri.length() <= limit) {
            return null;
        }
        int q = uri.indexOf('?');
        String path = q < 0 ? uri : uri.substring(0, q);
        // the instance is echoed back: a short, printable path
        String instance = path.length() > 200 ? path.substring(0, 200) : path;
        Problem p = ProblemTexts.localize(new ProblemException(ProblemType.URI_TOO_LONG, "the request's path and query are "
                + uri.length() + " characters; the limit is " + limit).toProblem(instance.replaceAll("%00|[^\\x21-\\x7E]", "?")),
                request.getHeader("Accept-Language"));
        return Response.status(414).type(Problem.MEDIA_TYPE).entity(p).build();
    }
}
