package cn.doublerandom.region;

import cn.doublerandom.platform.Page;
import jakarta.annotation.security.PermitAll;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import java.util.List;

/** The region codes the service knows (public reference data). */
@Path("/api/v1/regions")
@Tag(name = "Regions")
@Produces(MediaType.APPLICATION_JSON)
@PermitAll
public class RegionResource {

    @Inject
    RegionDirectory regions;

    @GET
    @Operation(operationId = "listRegions", summary = "Provinces, or the regions directly below a parent (a province's cities, a city's counties)")
    public Page<Region> list(@QueryParam("parent") String parent, @QueryParam("limit") Integer limit, @QueryParam("after") String after) {
        List<Region> all = parent == null ? regions.provinces() : regions.children(regions.require("parent", parent).code());
        return Page.slice(all, limit, after, Region::code);
    }

    @GET
    @Path("/{code}")
    @Operation(operationId = "getRegion", summary = "One region")
    public Region get(@PathParam("code") String code) {
        return regions.require("code", code);
    }
}
