package cn.doublerandom.calendar;

import cn.doublerandom.platform.ContractNames;
import io.quarkus.smallrye.openapi.OpenApiFilter;
import org.eclipse.microprofile.openapi.OASFactory;
import org.eclipse.microprofile.openapi.OASFilter;
import org.eclipse.microprofile.openapi.models.OpenAPI;
import org.eclipse.microprofile.openapi.models.media.Schema;

import java.util.List;
import java.util.Set;

/**
 * States the form of a quarter ({@code 2026Q4}) wherever the contract names one; a {@link Quarter}
 * is written as that text, not as an object.
 */
@OpenApiFilter(OpenApiFilter.RunStage.BUILD)
public class QuarterContract implements OASFilter {

    @Override
    public void filterOpenAPI(OpenAPI openAPI) {
        ContractNames.pattern(openAPI, Set.of("quarter"), Quarter.FORM_REGEX, "2026Q4");
        if (openAPI.getComponents() != null && openAPI.getComponents().getSchemas() != null
                && openAPI.getComponents().getSchemas().containsKey("Quarter")) {
            openAPI.getComponents().addSchema("Quarter", OASFactory.createSchema().type(List.of(Schema.SchemaType.STRING))
                    .pattern("^" + Quarter.FORM_REGEX + "$").examples(List.of("2026Q4")));
        }
    }
}
