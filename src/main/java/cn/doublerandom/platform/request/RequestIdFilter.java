package cn.doublerandom.platform.request;

import jakarta.inject.Inject;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerResponseContext;
import org.jboss.logging.MDC;
import org.jboss.resteasy.reactive.server.ServerRequestFilter;
import org.jboss.resteasy.reactive.server.ServerResponseFilter;

import java.util.UUID;
import java.util.regex.Pattern;

/** Gives every request an id, for logs, audit rows and the client's own correlation. */
public class RequestIdFilter {

    public static final String HEADER = "X-Request-Id";
    private static final Pattern PLAIN = Pattern.compile("[A-Za-z0-9._-]{1,64}");

    @Inject
    RequestId requestId;

    @ServerRequestFilter(preMatching = true, priority = 10)
    public void assign(ContainerRequestContext request) {
        String given = request.getHeaderString(HEADER);
        String id = given != null && PLAIN.matcher(given).matches() ? given : UUID.randomUUID().toString();
        requestId.set(id);
        MDC.put("requestId", id);
    }

    @ServerResponseFilter
    public void echo(ContainerResponseContext response) {
        if (requestId.value() != null) {
            response.getHeaders().putSingle(HEADER, requestId.value());
        }
    }
}
