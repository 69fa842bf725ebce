package cn.doublerandom.platform.problem;

import cn.doublerandom.platform.request.IdempotencyFilter;
import cn.doublerandom.platform.request.RequestIdFilter;
import io.quarkus.smallrye.openapi.OpenApiFilter;
import org.eclipse.microprofile.openapi.OASFactory;
import org.eclipse.microprofile.openapi.OASFilter;
import org.eclipse.microprofile.openapi.models.OpenAPI;
import org.eclipse.microprofile.openapi.models.Operation;
import org.eclipse.microprofile.openapi.models.PathItem;
import org.eclipse.microprofile.openapi.models.headers.Header;
import org.eclipse.microprofile.openapi.models.media.Content;
import org.eclipse.microprofile.openapi.models.media.MediaType;
import org.eclipse.microprofile.openapi.models.media.Schema;
import org.eclipse.microprofile.openapi.models.parameters.Parameter;
import org.eclipse.microprofile.openapi.models.responses.APIResponse;
import org.eclipse.microprofile.openapi.models.responses.APIResponses;

import java.util.List;
import java.util.Map;

/**
 * Documents in the contract what the service's filters and its one error mapper do for every
 * operation, so that each resource need not repeat it: a {@code default} response of
 * {@code application/problem+json}, and the problem statuses that follow from the shape of the
 * operation (404 for a named resource, 412 where If-Match is read, 409 and 422 for a
 * write, 413 for a body, 429 with Retry-After on the rate-limited public API); {@code X-Request-Id} on every answer,
 * {@code Idempotency-Key} and {@code Idempotent-Replayed} on every write. Public operations need
 * no token. Runs when the document is built, so that startup does not rebuild it.
 */
@OpenApiFilter(OpenApiFilter.RunStage.BUILD)
public class ProblemOpenApiFilter implements OASFilter {

    private static final String PROBLEM = "#/components/schemas/Problem";
    private static final String REQUEST_ID = "#/components/headers/" + RequestIdFilter.HEADER;
    private static final String REPLAYED = "#/components/headers/Idempotent-Replayed";

    @Override
    public void filterOpenAPI(OpenAPI openAPI) {
        if (openAPI.getPaths() == null) {
            return;
        }
        if (openAPI.getComponents() == null) {
            openAPI.setComponents(OASFactory.createComponents());
        }
        openAPI.getComponents().addHeader(RequestIdFilter.HEADER, OASFactory.createHeader()
                .description("The request's id: the caller's X-Request-Id when it is a plain token, else a new one; "
                        + "log lines and problem documents carry it")
                .schema(OASFactory.createSchema().type(List.of(Schema.SchemaType.STRING))));
        openAPI.getComponents().addHeader("Idempotent-Replayed", OASFactory.createHeader()
                .description("true when this is the stored answer to an earlier request with the same Idempotency-Key; "
                        + "the work was not done again")
                .schema(OASFactory.createSchema().type(List.of(Schema.SchemaType.STRING)).enumeration(List.of("true"))));
        for (Map.Entry<String, PathItem> path : openAPI.getPaths().getPathItems().entrySet()) {
            boolean open = path.getKey().startsWith("/public/") || path.getKey().startsWith("/api/v1/regions");
            for (Map.Entry<PathItem.HttpMethod, Operation> entry : path.getValue().getOperations().entrySet()) {
                Operation op = entry.getValue();
                APIResponses responses = op.getResponses();
                if (responses == null) {
                    continue;
                }
                boolean write = entry.getKey() == PathItem.HttpMethod.POST || entry.getKey() == PathItem.HttpMethod.PUT;
                if (responses.getDefaultValue() == null) {
                    responses.setDefaultValue(problem(
                            "A problem (RFC 9457): 4xx for bad input or refused access, 503 when the database is unreachable"));
                }
                if (path.getKey().startsWith("/public/")) {
                    APIResponse limited = problem("Too many requests from this client address; retry after Retry-After seconds");
                    limited.addHeader("Retry-After", OASFactory.createHeader().description("Seconds to wait before retrying")
                            .schema(OASFactory.createSchema().type(List.of(Schema.SchemaType.INTEGER))));
                    if (!responses.hasAPIResponse("429")) {
                        responses.addAPIResponse("429", limited);
                    }
                }
                if (path.getKey().contains("{")) {
                    addProblem(responses, "404", "No such resource, or none as at that date");
                }
                if (hasHeader(op, "If-Match")) {
                    addProblem(responses, "412", "If-Match names a version that is no longer current (version-mismatch)");
                }
                if (write) {
                    addIdempotencyKey(op);
                    addProblem(responses, "409", "A conflict with the current state (see the problem's type), "
                            + "or a request with the same Idempotency-Key still running");
                    addProblem(responses, "422", "A rule refuses the request (see the problem's type), "
                            + "or its Idempotency-Key was used for a different request");
                }
                if (op.getRequestBody() != null) {
                    addProblem(responses, "413", "The request body is too large");
                }
                for (Map.Entry<String, APIResponse> r : responses.getAPIResponses().entrySet()) {
                    APIResponse response = r.getValue();
                    if (response.getRef() != null) {
                        continue;
                    }
                    if (r.getKey().startsWith("4") && response.getContent() == null) {
                        response.setContent(problemContent());
                    }
                    addHeader(response, RequestIdFilter.HEADER, REQUEST_ID);
                    if (write && r.getKey().startsWith("2")) {
                        addHeader(response, "Idempotent-Replayed", REPLAYED);
                    }
                }
                if (responses.getDefaultValue() != null) {
                    addHeader(responses.getDefaultValue(), RequestIdFilter.HEADER, REQUEST_ID);
                }
                if (open) {
                    op.setSecurity(List.of());
                }
            }
        }
    }

    private static boolean hasHeader(Operation op, String name) {
        return op.getParameters() != null && op.getParameters().stream()
                .anyMatch(p -> p.getIn() == Parameter.In.HEADER && name.equalsIgnoreCase(p.getName()));
    }

    private static void addIdempotencyKey(Operation op) {
        if (hasHeader(op, IdempotencyFilter.HEADER)) {
            return;
        }
        op.addParameter(OASFactory.createParameter().name(IdempotencyFilter.HEADER).in(Parameter.In.HEADER)
                .description("Makes a retry safe: a repeat with the same key and body gets the first answer back "
                        + "(Idempotent-Replayed: true) instead of doing the work twice")
                .schema(OASFactory.createSchema().type(List.of(Schema.SchemaType.STRING)).pattern("[A-Za-z0-9_.:-]{1,100}")));
    }

    private static void addProblem(APIResponses responses, String status, String description) {
        if (!responses.hasAPIResponse(status)) {
            responses.addAPIResponse(status, problem(description));
        }
    }

    private static void addHeader(APIResponse response, String name, String ref) {
        Map<String, Header> headers = response.getHeaders();
        if (headers == null || !headers.containsKey(name)) {
            response.addHeader(name, OASFactory.createHeader().ref(ref));
        }
    }

    private static APIResponse problem(String description) {
        return OASFactory.createAPIResponse().description(description).content(problemContent());
    }

    private static Content problemContent() {
        MediaType media = OASFactory.createMediaType().schema(OASFactory.createSchema().ref(PROBLEM));
        return OASFactory.createContent().addMediaType(Problem.MEDIA_TYPE, media);
    }
}
