package cn.doublerandom.platform.request;

import cn.doublerandom.platform.problem.Problem;
import cn.doublerandom.platform.problem.ProblemException;
import cn.doublerandom.platform.problem.ProblemTexts;
import cn.doublerandom.platform.problem.ProblemType;
import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonStreamContext;
import com.fasterxml.jackson.core.JsonToken;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.jboss.resteasy.reactive.server.ServerRequestFilter;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;

/**
 * Every array in a JSON request body (a team, findings, item outcomes, handling codes, pollutant
 * types, ...) holds at most {@link #MAX_ELEMENTS} elements. The body's tokens are counted before it
 * is bound, before the idempotency claim and before any service runs, so an oversized array is a
 * 400 problem naming the field and nothing is read from or written to the database. Bodies that are
 * not well-formed JSON pass on, for the JSON mapper to describe.
 */
public class JsonArrayLimit {

    /** No request of the service needs more: a draw covers at most 50 items, a team is a handful. */
    public static final int MAX_ELEMENTS = 100;

    private static final JsonFactory JSON = new JsonFactory();

    @ServerRequestFilter(priority = 4_000)
    public Response check(ContainerRequestContext request) {
        MediaType type = request.getMediaType();
        if (!request.hasEntity() || type == null || !type.isCompatible(MediaType.APPLICATION_JSON_TYPE)) {
            return null;
        }
        byte[] body;
        try {
            body = request.getEntityStream().readAllBytes();
        } catch (IOException e) {
            return null; // the endpoint's own read reports it
        }
        request.setEntityStream(new ByteArrayInputStream(body));
        String field = oversized(body);
        if (field == null) {
            return null;
        }
        Problem p = ProblemTexts.localize(new ProblemException(ProblemType.VALIDATION_FAILED,
                field + " has more than " + MAX_ELEMENTS + " elements",
                List.of(Problem.FieldProblem.field(field, "has more than " + MAX_ELEMENTS + " elements")))
                .toProblem(request.getUriInfo().getRequestUri().getRawPath()), request.getHeaderString(HttpHeaders.ACCEPT_LANGUAGE));
        return Response.status(p.status()).type(Problem.MEDIA_TYPE).entity(p).build();
    }

    /** The path of the first array with too many elements ("team", "problems[2].photos"), or null. */
    static String oversized(byte[] body) {
        Deque<int[]> arrays = new ArrayDeque<>(); // per open container: {1 if an array, elements so far}
        try (JsonParser p = JSON.createParser(body)) {
            for (JsonToken t = p.nextToken(); t != null; t = p.nextToken()) {
                if (t == JsonToken.END_ARRAY || t == JsonToken.END_OBJECT) {
                    arrays.pop();
                    continue;
                }
                if (t == JsonToken.FIELD_NAME) {
                    continue;
                }
                int[] open = arrays.peek();
                if (open != null && open[0] == 1 && ++open[1] > MAX_ELEMENTS) {
                    return path(t.isStructStart() ? p.getParsingContext().getParent() : p.getParsingContext());
                }
                if (t.isStructStart()) {
                    arrays.push(new int[] {t == JsonToken.START_ARRAY ? 1 : 0, 0});
                }
            }
        } catch (IOException e) {
            return null; // not JSON: the mapper says what is wrong with it
        }
        return null;
    }

    private static String path(JsonStreamContext array) {
        StringBuilder out = new StringBuilder();
        for (JsonStreamContext c = array; c.getParent() != null && !c.getParent().inRoot(); c = c.getParent()) {
            JsonStreamContext parent = c.getParent();
            String part = parent.inObject() ? parent.getCurrentName() : "[" + parent.getCurrentIndex() + "]";
            if (out.length() > 0 && out.charAt(0) != '[') {
                out.insert(0, '.');
            }
            out.insert(0, part);
        }
        return out.length() == 0 ? "body" : out.toString();
    }
}
