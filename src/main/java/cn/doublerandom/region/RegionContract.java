package cn.doublerandom.region;

import cn.doublerandom.platform.ContractNames;
import io.quarkus.smallrye.openapi.OpenApiFilter;
import org.eclipse.microprofile.openapi.OASFilter;
import org.eclipse.microprofile.openapi.models.OpenAPI;

import java.util.Set;

/** States the form of a region code (行政区划代码) wherever the contract names one, an authority's included. */
@OpenApiFilter(OpenApiFilter.RunStage.BUILD)
public class RegionContract implements OASFilter {

    @Override
    public void filterOpenAPI(OpenAPI openAPI) {
        ContractNames.pattern(openAPI, Set.of("region", "regionCode", "authority", "entityRegion", "parent"),
                RegionDirectory.CODE_REGEX, "130123");
    }
}
