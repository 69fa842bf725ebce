package cn.doublerandom.platform;

import io.quarkus.smallrye.openapi.OpenApiFilter;
import org.eclipse.microprofile.openapi.OASFactory;
import org.eclipse.microprofile.openapi.OASFilter;
import org.eclipse.microprofile.openapi.models.OpenAPI;
import org.eclipse.microprofile.openapi.models.Operation;
import org.eclipse.microprofile.openapi.models.PathItem;
import org.eclipse.microprofile.openapi.models.media.Schema;
import org.eclipse.microprofile.openapi.models.parameters.Parameter;

import java.math.BigDecimal;
import java.util.List;

/**
 * States in the contract what every list's {@code limit} and {@code after} accept, so that a client
 * generator bounds them and a reader need not find it in prose.
 */
@OpenApiFilter(OpenApiFilter.RunStage.BUILD)
public class PagingContract implements OASFilter {

    @Override
    public void filterOpenAPI(OpenAPI openAPI) {
        if (openAPI.getPaths() == null) {
            return;
        }
        for (PathItem path : openAPI.getPaths().getPathItems().values()) {
            for (Operation op : path.getOperations().values()) {
                if (op.getParameters() == null) {
                    continue;
                }
                for (Parameter p : op.getParameters()) {
                    if (p.getIn() != Parameter.In.QUERY) {
                        continue;
                    }
                    if (p.getName().equals("limit")) {
                        p.description("How many items a page holds at most");
                        p.schema(OASFactory.createSchema().type(List.of(Schema.SchemaType.INTEGER)).format("int32")
                                .minimum(BigDecimal.ONE).maximum(BigDecimal.valueOf(Page.MAX_LIMIT)));
                    } else if (p.getName().equals("after")) {
                        p.description("The 'next' of the previous page; omit for the first page");
                        p.schema(OASFactory.createSchema().type(List.of(Schema.SchemaType.STRING))
                                .pattern("^[0-9A-Za-z_-]{1,128}$"));
                    }
                }
            }
        }
    }
}
