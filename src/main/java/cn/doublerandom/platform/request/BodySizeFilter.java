package cn.doublerandom.platform.request;

import cn.doublerandom.platform.PlatformConfig;
import cn.doublerandom.platform.problem.Problem;
import cn.doublerandom.platform.problem.ProblemException;
import cn.doublerandom.platform.problem.ProblemTexts;
import cn.doublerandom.platform.problem.ProblemType;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.core.Response;
import org.jboss.resteasy.reactive.server.ServerRequestFilter;

/**
 * Refuses a body over {@code doublerandom.http.max-body-size} with a 413 problem. The HTTP layer's
 * own limit ({@code quarkus.http.limits.max-body-size}) is set higher, as a backstop for bodies that
 * declare no length; it answers 413 without a problem document. Application-scoped, so that it is
 * built when the first request comes, with the run-time settings, not while the REST layer is set up.
 */
@ApplicationScoped
public class BodySizeFilter {

    @Inject
    PlatformConfig config;

    @ServerRequestFilter(preMatching = true, priority = 20)
    public Response check(ContainerRequestContext request) {
        long length = request.getLength();
        long limit = config.http().maxBodySize().asLongValue();
        if (length > limit) {
            Problem p = ProblemTexts.localize(new ProblemException(ProblemType.PAYLOAD_TOO_LARGE, "the body is " + length
                    + " bytes; the limit is " + limit + " bytes").toProblem(request.getUriInfo().getRequestUri().getRawPath()),
                    request.getHeaderString(jakarta.ws.rs.core.HttpHeaders.ACCEPT_LANGUAGE));
            return Response.status(413).type(Problem.MEDIA_TYPE).entity(p).build();
        }
        return null;
    }
}
