package cn.doublerandom.platform.request;

import cn.doublerandom.platform.ServiceClock;
import cn.doublerandom.platform.problem.Problem;
import cn.doublerandom.platform.problem.ProblemException;
import cn.doublerandom.platform.problem.ProblemTexts;
import cn.doublerandom.platform.problem.ProblemType;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.security.identity.SecurityIdentity;
import jakarta.inject.Inject;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerResponseContext;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import org.jboss.resteasy.reactive.server.ServerRequestFilter;
import org.jboss.resteasy.reactive.server.ServerResponseFilter;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.SQLException;
import java.util.HexFormat;
import java.util.regex.Pattern;

/**
 * {@code Idempotency-Key} on any POST or PUT: the first request with a key does the work and its
 * answer is kept; a retry with the same key (same caller, and a SHA-256 over method, path, query and
 * the body's bytes) gets that answer back, marked {@code Idempotent-Replayed: true}, without doing the work twice. The key
 * is claimed in its own transaction before the work, so two concurrent retries cannot both run. A
 * refused request (4xx) or a failed one (5xx) did nothing, so it releases the key: the corrected
 * request, sent again under the same key, is done rather than answered with the refusal. Only a
 * request that succeeded is kept and replayed. The same key for a different request
 * is refused with 422 {@code idempotency-key-reused}: replaying another request's answer would hide
 * that the second request was never done.
 */
public class IdempotencyFilter {

    public static final String HEADER = "Idempotency-Key";
    private static final String CLAIM = "doublerandom.idempotency";
    private static final Pattern KEY = Pattern.compile("[A-Za-z0-9_.:-]{1,100}");

    @Inject
    IdempotencyStore store;

    @Inject
    SecurityIdentity identity;

    @Inject
    ServiceClock clock;

    @Inject
    ObjectMapper json;

    private record Claim(String actor, String key) {
    }

    @ServerRequestFilter
    public Response claim(ContainerRequestContext request) {
        String key = request.getHeaderString(HEADER);
        String method = request.getMethod();
        if (key == null || !(method.equals("POST") || method.equals("PUT"))) {
            return null;
        }
        if (!KEY.matcher(key).matches()) {
            return problem(request, ProblemType.VALIDATION_FAILED, "Idempotency-Key must be 1-100 characters of A-Z, a-z, 0-9, '_', '.', ':', '-'");
        }
        String actor = identity.isAnonymous() ? "anonymous" : identity.getPrincipal().getName();
        byte[] body;
        try {
            body = request.hasEntity() ? request.getEntityStream().readAllBytes() : new byte[0];
        } catch (IOException e) {
            return problem(request, ProblemType.MALFORMED_REQUEST, "the request body could not be read");
        }
        // the body is read here to hash it, so the endpoint reads the same bytes from memory
        request.setEntityStream(new ByteArrayInputStream(body));
        String fingerprint = fingerprint(method, request.getUriInfo().getRequestUri().getRawPath(),
                request.getUriInfo().getRequestUri().getRawQuery(), body);
        Response replay = QuarkusTransaction.requiringNew().call(() -> {
            IdempotencyStore.Attempt attempt = store.claim(actor, key, fingerprint, clock.now());
            if (attempt.claimed()) {
                return null;
            }
            IdempotencyStore.Kept kept = attempt.kept();
            if (kept == null) {
                return problem(request, ProblemType.CONFLICT, "the request with this Idempotency-Key failed; retry it");
            }
            if (!kept.fingerprint().equals(fingerprint)) {
                return problem(request, ProblemType.IDEMPOTENCY_KEY_REUSED,
                        "this Idempotency-Key was used for a different request; use a new key for a new request");
            }
            if (kept.status() == null) {
                return problem(request, ProblemType.CONFLICT, "a request with this Idempotency-Key is still running; retry shortly");
            }
            return Response.status(kept.status()).type(kept.contentType()).entity(kept.body())
                    .header("Idempotent-Replayed", "true").build();
        });
        if (replay == null) {
            request.setProperty(CLAIM, new Claim(actor, key));
        }
        return replay;
    }

    @ServerResponseFilter
    public void keep(ContainerRequestContext request, ContainerResponseContext response) {
        if (!(request.getProperty(CLAIM) instanceof Claim claim)) {
            return;
        }
        QuarkusTransaction.requiringNew().run(() -> {
            try {
                if (response.getStatus() >= 400) {
                    store.release(claim.actor(), claim.key());
                    return;
                }
                Object entity = response.getEntity();
                String body = entity == null ? null : entity instanceof String s ? s : json.writeValueAsString(entity);
                store.keep(claim.actor(), claim.key(), response.getStatus(),
                        response.getMediaType() == null ? null : response.getMediaType().toString(), body);
            } catch (SQLException | com.fasterxml.jackson.core.JsonProcessingException e) {
                throw new IllegalStateException("keeping the idempotent answer", e);
            }
        });
    }

    private static Response problem(ContainerRequestContext request, ProblemType type, String detail) {
        Problem p = ProblemTexts.localize(new ProblemException(type, detail).toProblem(null),
                request.getHeaderString(HttpHeaders.ACCEPT_LANGUAGE));
        return Response.status(p.status()).type(Problem.MEDIA_TYPE).entity(p).build();
    }

    /** Each part is length-prefixed, so no two different requests can run together into the same input. */
    static String fingerprint(String method, String path, String query, byte[] body) {
        try {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            for (byte[] part : new byte[][] {method.getBytes(StandardCharsets.UTF_8), path.getBytes(StandardCharsets.UTF_8),
                    query == null ? new byte[] {(byte) 0xff} : query.getBytes(StandardCharsets.UTF_8), body}) {
                sha.update(ByteBuffer.allocate(8).putLong(part.length).array());
                sha.update(part);
            }
            return HexFormat.of().formatHex(sha.digest());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
