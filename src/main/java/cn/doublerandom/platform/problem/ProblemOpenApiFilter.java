package cn.doublerandom.platform.problem;

import io.quarkus.smallrye.openapi.OpenApiFilter;
import org.eclipse.microprofile.openapi.OASFactory;
import org.eclipse.microprofile.openapi.OASFilter;
import org.eclipse.microprofile.openapi.models.OpenAPI;
import org.eclipse.microprofile.openapi.models.Operation;
import org.eclipse.microprofile.openapi.models.PathItem;
import org.eclipse.microprofile.openapi.models.media.Content;
import org.eclipse.microprofile.openapi.models.media.MediaType;
import org.eclipse.microprofile.openapi.models.media.Schema;
import org.eclipse.microprofile.openapi.models.responses.APIResponse;

import java.util.List;
import java.util.Map;

/**
 * Documents in the contract what the one error mapper does for every operation: a
 * {@code default} response of {@code application/problem+json}. Public operations need no token.
 * Runs when the document is built, so that startup does not rebuild it.
 */
@OpenApiFilter(OpenApiFilter.RunStage.BUILD)
public class ProblemOpenApiFilter implements OASFilter {

    @Override
    public void filterOpenAPI(OpenAPI openAPI) {
        if (openAPI.getPaths() == null) {
            return;
        }
        for (Map.Entry<String, PathItem> path : openAPI.getPaths().getPathItems().entrySet()) {
            boolean open = path.getKey().startsWith("/public/") || path.getKey().startsWith("/api/v1/regions");
            for (Operation op : path.getValue().getOperations().values()) {
                if (op.getResponses() != null && op.getResponses().getDefaultValue() == null) {
                    Schema ref = OASFactory.createSchema().ref("#/components/schemas/Problem");
                    MediaType media = OASFactory.createMediaType().schema(ref);
                    Content content = OASFactory.createContent().addMediaType(Problem.MEDIA_TYPE, media);
                    APIResponse problem = OASFactory.createAPIResponse()
                            .description("A problem (RFC 9457): 4xx for bad input or refused access, 503 when the database is unreachable")
                            .content(content);
                    op.getResponses().setDefaultValue(problem);
                }
                if (open) {
                    op.setSecurity(List.of());
                }
            }
        }
    }
}
