package cn.doublerandom.platform.request;

import cn.doublerandom.platform.problem.Problem;
import cn.doublerandom.platform.problem.ProblemException;
import cn.doublerandom.platform.problem.ProblemTexts;
import cn.doublerandom.platform.problem.ProblemType;
import io.vertx.core.http.HttpServerRequest;
import jakarta.ws.rs.core.Response;
import org.jboss.resteasy.reactive.server.ServerRequestFilter;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;

/**
 * The path and query of every request must be valid UTF-8 without NUL characters. PostgreSQL cannot
 * store or compare a NUL, and bytes that are not UTF-8 have no meaning as a name or code, so both are
 * refused with one 400 problem before any resource sees them. The path carries ids and codes, so it may
 * not carry control characters either: a code sent with a trailing newline would otherwise be stored
 * as the code without it.
 */
public class RequestTextFilter {

    @ServerRequestFilter(preMatching = true, priority = 10)
    public Response check(HttpServerRequest request) {
        String uri = request.uri();
        String fault = fault(uri);
        if (fault == null) {
            return null;
        }
        Problem p = ProblemTexts.localize(new ProblemException(ProblemType.VALIDATION_FAILED, "the request's path or query " + fault)
                .toProblem(pathOnly(uri)), request.getHeader("Accept-Language"));
        return Response.status(400).type(Problem.MEDIA_TYPE).entity(p).build();
    }

    /** Why the raw request target is refused, or null when it is acceptable. */
    static String fault(String rawTarget) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream(rawTarget.length());
        int pathEnd = -1;
        for (int i = 0; i < rawTarget.length(); i++) {
            char c = rawTarget.charAt(i);
            if (c == '?' && pathEnd < 0) {
                pathEnd = bytes.size();
            }
            if (c == '%' && i + 2 < rawTarget.length() && hex(rawTarget.charAt(i + 1)) >= 0 && hex(rawTarget.charAt(i + 2)) >= 0) {
                bytes.write(hex(rawTarget.charAt(i + 1)) * 16 + hex(rawTarget.charAt(i + 2)));
                i += 2;
            } else if (c > 0xFF) {
                // already decoded as text by the HTTP layer: take its UTF-8 form
                byte[] b = String.valueOf(c).getBytes(StandardCharsets.UTF_8);
                bytes.write(b, 0, b.length);
            } else {
                bytes.write(c);
            }
        }
        byte[] raw = bytes.toByteArray();
        for (byte b : raw) {
            if (b == 0) {
                return "contains a NUL character";
            }
        }
        for (int i = 0; i < (pathEnd < 0 ? raw.length : pathEnd); i++) {
            if ((raw[i] >= 0 && raw[i] < 0x20) || raw[i] == 0x7F) {
                return "contains a control character in its path";
            }
        }
        try {
            StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(raw));
        } catch (CharacterCodingException e) {
            return "is not valid UTF-8";
        }
        return null;
    }

    private static int hex(char c) {
        return Character.digit(c, 16);
    }

    private static String pathOnly(String uri) {
        int q = uri.indexOf('?');
        String path = q < 0 ? uri : uri.substring(0, q);
        // the problem's instance is echoed back: keep it printable
        return path.replaceAll("%00|[^\\x21-\\x7E]", "?");
    }
}
