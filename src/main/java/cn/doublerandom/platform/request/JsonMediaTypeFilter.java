package cn.doublerandom.platform.request;

import cn.doublerandom.platform.problem.ProblemException;
import cn.doublerandom.platform.problem.ProblemType;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ResourceInfo;
import jakarta.ws.rs.core.MediaType;
import org.jboss.resteasy.reactive.server.ServerRequestFilter;

import java.lang.reflect.Method;

/**
 * An endpoint that names no media type reads JSON, and only JSON: a body declared as anything else
 * is refused with a 415 problem. Without this, a request object with a single text field was built
 * from a {@code text/plain} body, the whole JSON text becoming that field (a draw voided "for the
 * reason" {@code {"reason":…}}), and text/plain is what a cross-site form may post unasked.
 */
public class JsonMediaTypeFilter {

    @ServerRequestFilter
    public void check(ContainerRequestContext request, ResourceInfo resource) {
        MediaType type = request.getMediaType();
        Method method = resource == null ? null : resource.getResourceMethod();
        if (type == null || method == null || !request.hasEntity() || method.isAnnotationPresent(Consumes.class)
                || method.getDeclaringClass().isAnnotationPresent(Consumes.class)) {
            return;
        }
        if (type.getType().equalsIgnoreCase("application")
                && (type.getSubtype().equalsIgnoreCase("json") || type.getSubtype().toLowerCase(java.util.Locale.ROOT).endsWith("+json"))) {
            return;
        }
        throw new ProblemException(ProblemType.UNSUPPORTED_MEDIA_TYPE, "this endpoint reads application/json; the body was sent as "
                + type.getType() + "/" + type.getSubtype());
    }
}
