package cn.doublerandom.registry.target;

import cn.doublerandom.platform.ContractNames;
import io.quarkus.smallrye.openapi.OpenApiFilter;
import org.eclipse.microprofile.openapi.OASFilter;
import org.eclipse.microprofile.openapi.models.OpenAPI;

import java.util.Set;

/** States the form of a unified social credit code (统一社会信用代码) wherever the contract names one. */
@OpenApiFilter(OpenApiFilter.RunStage.BUILD)
public class UsccContract implements OASFilter {

    @Override
    public void filterOpenAPI(OpenAPI openAPI) {
        ContractNames.pattern(openAPI, Set.of("uscc"), Uscc.FORM_REGEX, "91130123MA0CX5XK18");
    }
}
