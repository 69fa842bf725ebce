package cn.doublerandom.platform.problem;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import io.quarkus.security.AuthenticationFailedException;
import io.quarkus.security.ForbiddenException;
import io.quarkus.security.UnauthorizedException;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.container.ContainerRequestContext;
import org.hibernate.exception.JDBCConnectionException;
import org.jboss.logging.Logger;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

import java.sql.SQLException;
import java.sql.SQLTransientConnectionException;
import java.util.List;
import java.util.stream.Collectors;

/**
 * The one error mapper: every failure leaves the service as {@code application/problem+json}.
 * Expected failures arrive as {@link ProblemException}; the others are classified here so that bad
 * input is a 4xx, a lost database a 503, and only a real bug a 500.
 */
public class ProblemMapper {

    private static final Logger LOG = Logger.getLogger(ProblemMapper.class);

    @ServerExceptionMapper
    public Response problem(ProblemException e, ContainerRequestContext request) {
        return respond(e.toProblem(path(request)), request);
    }

    @ServerExceptionMapper
    public Response unknownProperty(UnrecognizedPropertyException e, ContainerRequestContext request) {
        String field = pathOf(e);
        return respond(ProblemType.VALIDATION_FAILED, "unknown field '" + field + "'",
                List.of(Problem.FieldProblem.field(field, "unknown field")), request);
    }

    @ServerExceptionMapper
    public Response invalidFormat(InvalidFormatException e, ContainerRequestContext request) {
        String field = pathOf(e);
        String expected = e.getTargetType() == null ? "another type" : describe(e.getTargetType());
        return respond(ProblemType.VALIDATION_FAILED, "field '" + field + "' must be " + expected,
                List.of(Problem.FieldProblem.field(field, String.valueOf(e.getValue()), "must be " + expected)), request);
    }

    /** Quarkus maps this type itself with an empty body; ours must be at least as specific. */
    @ServerExceptionMapper
    public Response mismatched(MismatchedInputException e, ContainerRequestContext request) {
        if (e.getMessage() != null && e.getMessage().startsWith("Trailing token")) {
            return respond(ProblemType.MALFORMED_REQUEST, "the body must be exactly one JSON value; content follows it",
                    List.of(), request);
        }
        return mapping(e, request);
    }

    @ServerExceptionMapper
    public Response mapping(JsonMappingException e, ContainerRequestContext request) {
        String field = pathOf(e);
        String detail = field.isEmpty() ? "the JSON body does not have the expected shape"
                : "field '" + field + "' has the wrong type or shape";
        return respond(ProblemType.VALIDATION_FAILED, detail,
                field.isEmpty() ? List.of() : List.of(Problem.FieldProblem.field(field, "wrong type or shape")), request);
    }

    @ServerExceptionMapper
    public Response json(JsonProcessingException e, ContainerRequestContext request) {
        String where = e.getLocation() == null ? "" : " at line " + e.getLocation().getLineNr()
                + ", column " + e.getLocation().getColumnNr();
        return respond(ProblemType.MALFORMED_REQUEST, "the body is not valid JSON" + where, List.of(), request);
    }

    @ServerExceptionMapper
    public Response unauthorized(UnauthorizedException e, ContainerRequestContext request) {
        return respond(ProblemType.UNAUTHENTICATED, "this endpoint needs a bearer token", List.of(), request);
    }

    @ServerExceptionMapper
    public Response authenticationFailed(AuthenticationFailedException e, ContainerRequestContext request) {
        return respond(ProblemType.UNAUTHENTICATED, "the bearer token is missing, expired or not signed by a trusted issuer",
                List.of(), request);
    }

    @ServerExceptionMapper
    public Response forbidden(ForbiddenException e, ContainerRequestContext request) {
        return respond(ProblemType.FORBIDDEN, "your role does not allow this operation", List.of(), request);
    }

    @ServerExceptionMapper
    public Response web(WebApplicationException e, ContainerRequestContext request) {
        int status = e.getResponse().getStatus();
        if (status == 404 && e.getCause() != null && !request.getUriInfo().getQueryParameters().isEmpty()) {
            // JAX-RS answers a query parameter its type cannot read ("limit=abc") with 404, as if the resource were
            // missing; the resource exists and the request is what is wrong
            return respond(ProblemType.VALIDATION_FAILED, "a query parameter could not be read: a number, date or code is malformed",
                    List.of(), request);
        }
        ProblemType type = switch (status) {
            case 400 -> ProblemType.MALFORMED_REQUEST;
            case 401 -> ProblemType.UNAUTHENTICATED;
            case 403 -> ProblemType.FORBIDDEN;
            case 404 -> ProblemType.NOT_FOUND;
            case 405 -> ProblemType.METHOD_NOT_ALLOWED;
            case 406 -> ProblemType.NOT_ACCEPTABLE;
            case 413 -> ProblemType.PAYLOAD_TOO_LARGE;
            case 415 -> ProblemType.UNSUPPORTED_MEDIA_TYPE;
            default -> status >= 500 ? ProblemType.INTERNAL_ERROR : ProblemType.MALFORMED_REQUEST;
        };
        if (status >= 500) {
            LOG.error("unexpected web error", e);
        }
        String detail = e.getMessage() == null || e.getMessage().startsWith("HTTP ") ? type.title() : e.getMessage();
        return respond(type, detail, List.of(), request);
    }

    @ServerExceptionMapper
    public Response unexpected(Throwable e, ContainerRequestContext request) {
        if (isDatabaseUnreachable(e)) {
            LOG.warn("database unreachable: " + e);
            return respond(ProblemType.SERVICE_UNAVAILABLE, "the database is not reachable right now", List.of(), request);
        }
        if (isUniqueViolation(e)) {
            return respond(ProblemType.CONFLICT, "a concurrent request changed the same record first; read it again and retry",
                    List.of(), request);
        }
        LOG.error("unexpected error", e);
        return respond(ProblemType.INTERNAL_ERROR, "an unexpected error occurred; it has been logged", List.of(), request);
    }

    /**
     * Connection failures: PostgreSQL SQLState class 08 and 57P (server shutting down), pool timeouts,
     * Hibernate's wrapper. Searched through causes and suppressed exceptions: when the database goes
     * away at commit, the transaction manager's RollbackException carries the driver's error as a
     * suppressed exception, not as its cause.
     */
    static boolean isDatabaseUnreachable(Throwable e) {
        return isDatabaseUnreachable(e, 0);
    }

    private static boolean isDatabaseUnreachable(Throwable e, int depth) {
        for (Throwable t = e; t != null && depth < 32; t = t.getCause() == t ? null : t.getCause(), depth++) {
            if (t instanceof JDBCConnectionException || t instanceof SQLTransientConnectionException) {
                return true;
            }
            if (t instanceof SQLException sql && sql.getSQLState() != null
                    && (sql.getSQLState().startsWith("08") || sql.getSQLState().startsWith("57P"))) {
                return true;
            }
            for (Throwable s : t.getSuppressed()) {
                if (isDatabaseUnreachable(s, depth + 1)) {
                    return true;
                }
            }
        }
        return false;
    }

    /** SQLState 23505: two requests raced for the same key, and the database kept the rule. */
    static boolean isUniqueViolation(Throwable e) {
        for (Throwable t = e; t != null && t.getCause() != t; t = t.getCause()) {
            if (t instanceof SQLException sql && "23505".equals(sql.getSQLState())) {
                return true;
            }
        }
        return false;
    }

    private static Response respond(ProblemType type, String detail, List<Problem.FieldProblem> errors,
                                    ContainerRequestContext request) {
        return respond(new ProblemException(type, detail, errors).toProblem(path(request)), request);
    }

    private static Response respond(Problem problem, ContainerRequestContext request) {
        Problem answer = ProblemTexts.localize(sanitize(problem),
                request == null ? null : request.getHeaderString(jakarta.ws.rs.core.HttpHeaders.ACCEPT_LANGUAGE));
        return Response.status(answer.status()).type(Problem.MEDIA_TYPE).entity(answer).build();
    }

    /**
     * A library's exception text often starts with its class name ("org.dhatim.fastexcel...Exception:
     * ..."); that tells a caller nothing and an attacker which libraries and versions to aim at. The
     * names go, the human part of the message stays; the log keeps the whole exception.
     */
    static Problem sanitize(Problem p) {
        List<Problem.FieldProblem> errors = p.errors() == null ? null : p.errors().stream()
                .map(f -> new Problem.FieldProblem(f.field(), f.row(), f.column(), f.value(), withoutClassNames(f.message())))
                .toList();
        return new Problem(p.type(), p.title(), p.status(), withoutClassNames(p.detail()), p.instance(), errors, p.extensions());
    }

    private static final java.util.regex.Pattern INTERNAL_CLASS = java.util.regex.Pattern.compile(
            "\\b(?:org\\.dhatim|com\\.fasterxml|java|javax|jakarta|sun|org\\.apache|org\\.postgresql|org\\.hibernate|org\\.jboss"
                    + "|io\\.quarkus|io\\.vertx|io\\.smallrye|io\\.agroal|io\\.netty|cn\\.doublerandom)"
                    // lower-case packages, then a capitalised class (and nested classes): "sun.csv" is a file name, not a class
                    + "(?:\\.[a-z_][\\w]*)*(?:\\.[A-Z][\\w$]*)+:?\\s*");

    static String withoutClassNames(String text) {
        if (text == null) {
            return null;
        }
        String out = INTERNAL_CLASS.matcher(text).replaceAll("").replace("()", "").strip();
        return out.isEmpty() ? "the request could not be processed" : out;
    }

    private static String path(ContainerRequestContext request) {
        return request == null ? null : request.getUriInfo().getRequestUri().getRawPath();
    }

    private static String pathOf(JsonMappingException e) {
        return e.getPath().stream()
                .map(r -> r.getFieldName() != null ? r.getFieldName() : "[" + r.getIndex() + "]")
                .collect(Collectors.joining(".")).replace(".[", "[");
    }

    private static String describe(Class<?> type) {
        if (type.isEnum()) {
            return "one of " + java.util.Arrays.toString(type.getEnumConstants());
        }
        return switch (type.getSimpleName()) {
            case "LocalDate" -> "a date (YYYY-MM-DD) from 1900-01-01 to 9999-12-31";
            case "Instant" -> "an instant (YYYY-MM-DDTHH:MM:SSZ)";
            case "Integer", "int", "Long", "long" -> "a whole number";
            case "Boolean", "boolean" -> "true or false";
            default -> "a " + type.getSimpleName();
        };
    }
}
