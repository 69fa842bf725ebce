package cn.doublerandom.platform.request;

import cn.doublerandom.platform.PlatformConfig;
import cn.doublerandom.platform.problem.Problem;
import cn.doublerandom.platform.problem.ProblemException;
import cn.doublerandom.platform.problem.ProblemTexts;
import cn.doublerandom.platform.problem.ProblemType;
import io.quarkus.vertx.http.runtime.CurrentVertxRequest;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.HttpMethod;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.core.Response;
import org.jboss.resteasy.reactive.server.ServerRequestFilter;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;

/**
 * Refuses a body over {@code doublerandom.http.max-body-size} with a 413 problem: a declared length
 * before anything is read, a body of no declared length (chunked) as soon as its bytes go over the
 * limit while a filter or the endpoint reads it. The HTTP layer's own limit
 * ({@code quarkus.http.limits.max-body-size}) is set higher, as a backstop, so that this count trips
 * first: when that limit trips under a resource, the HTTP layer ends the response with a bare 413
 * itself, and the service's own answer then has nowhere to go. Application-scoped, so that it is
 * built when the first request comes, with the run-time settings, not while the REST layer is set up.
 */
@ApplicationScoped
public class BodySizeFilter {

    @Inject
    PlatformConfig config;

    @Inject
    CurrentVertxRequest current;

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

    /**
     * Runs before every filter that reads the body (the JSON array limit, the idempotency
     * fingerprint) and before the endpoint, so all of them read the counted stream.
     */
    @ServerRequestFilter(priority = 30)
    public void countUndeclared(ContainerRequestContext request) {
        if (request.getLength() < 0 && !HttpMethod.GET.equals(request.getMethod()) && !HttpMethod.HEAD.equals(request.getMethod())) {
            RoutingContext exchange = current.getCurrent();
            request.setEntityStream(new Counted(request.getEntityStream(), config.http().maxBodySize().asLongValue(),
                    () -> closeAfterAnswer(exchange)));
        }
    }

    /**
     * The rest of a refused body is still coming, of no known length; were the connection kept for
     * the next request, the HTTP layer would go on taking it in, and holding it, until the client
     * stopped. So the answer says the connection closes, and it does shortly after the answer is sent:
     * closing while the client's bytes still arrive resets the connection, and a reset can discard the
     * answer in the client's buffers before it has read it. Until then what comes is dropped, not held.
     */
    private static void closeAfterAnswer(RoutingContext exchange) {
        if (exchange == null) {
            return;
        }
        if (!exchange.response().headWritten()) {
            exchange.response().putHeader(HttpHeaders.CONNECTION, "close");
        }
        HttpServerRequest request = exchange.request();
        exchange.addEndHandler(sent -> {
            if (!request.isEnded()) {
                request.handler(dropped -> { });
                request.resume();
            }
            exchange.vertx().setTimer(CLOSE_AFTER_ANSWER_MS, t -> request.connection().close());
        });
    }

    /** Time for a client to read the refusal before its connection closes. */
    private static final long CLOSE_AFTER_ANSWER_MS = 500;

    /**
     * Fails every read once more than {@code limit} bytes have come. The failure is a problem, not an
     * IOException: the filters that read the body take an IOException for an unreadable body (400).
     */
    static final class Counted extends FilterInputStream {

        private final long limit;
        private final Runnable onRefusal;
        private long count;
        private boolean refused;

        Counted(InputStream in, long limit, Runnable onRefusal) {
            super(in);
            this.limit = limit;
            this.onRefusal = onRefusal;
        }

        @Override
        public int read() throws IOException {
            refuseIfOver();
            int b = super.read();
            if (b >= 0) {
                count++;
                refuseIfOver();
            }
            return b;
        }

        @Override
        public int read(byte[] b, int off, int len) throws IOException {
            refuseIfOver();
            int n = super.read(b, off, len);
            if (n > 0) {
                count += n;
                refuseIfOver();
            }
            return n;
        }

        @Override
        public long skip(long n) throws IOException {
            refuseIfOver();
            long skipped = super.skip(n);
            count += Math.max(0, skipped);
            refuseIfOver();
            return skipped;
        }

        private void refuseIfOver() {
            if (count > limit) {
                if (!refused) {
                    refused = true;
                    onRefusal.run();
                }
                throw new ProblemException(ProblemType.PAYLOAD_TOO_LARGE, "the body is more than " + limit
                        + " bytes; the limit is " + limit + " bytes");
            }
        }
    }
}
