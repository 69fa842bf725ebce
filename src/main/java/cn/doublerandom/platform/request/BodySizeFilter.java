package cn.doublerandom.platform.request;

import cn.doublerandom.platform.problem.Problem;
import cn.doublerandom.platform.problem.ProblemException;
import cn.doublerandom.platform.problem.ProblemType;
import io.quarkus.runtime.configuration.MemorySize;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.resteasy.reactive.server.ServerRequestFilter;

/**
 * Refuses a body over {@code doublerandom.http.max-body-size} with a 413 problem. The HTTP layer's
 * own limit ({@code quarkus.http.limits.max-body-size}) is set higher, as a backstop for bodies that
 * declare no length; it answers 413 without a problem document.
 */
public class BodySizeFilter {

    @ConfigProperty(name = "doublerandom.http.max-body-size")
    MemorySize limit;

    @ServerRequestFilter(preMatching = true, priority = 20)
    public Response check(ContainerRequestContext request) {
        long length = request.getLength();
        if (length > limit.asLongValue()) {
            Problem p = new ProblemException(ProblemType.PAYLOAD_TOO_LARGE, "the body is " + length + " bytes; the limit is "
                    + limit.asLongValue() + " bytes").toProblem(request.getUriInfo().getRequestUri().getRawPath());
            return Response.status(413).type(Problem.MEDIA_TYPE).entity(p).build();
        }
        return null;
    }
}
