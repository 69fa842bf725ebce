package cn.doublerandom.authority;

import jakarta.annotation.security.PermitAll;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.CacheControl;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.headers.Header;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** Who inspects in a region, for the public: the authority's official name, address and contact. */
@Path("/public/v1/authorities")
@Tag(name = "Public")
@Produces(MediaType.APPLICATION_JSON)
@PermitAll
public class PublicAuthorityResource {

    @Inject
    AuthorityService service;

    /** The public fields: who changed the record, and when, stay with the bureau. */
    public record PublicAuthority(String regionCode, String regionName, String name, String address, String contact) {
    }

    @GET
    @Path("/{region}")
    @Operation(operationId = "getPublicAuthority", summary = "A region's enforcement authority (检查机关): official name, address, contact")
    @APIResponse(responseCode = "200", description = "The authority", content = {@Content(mediaType = "application/json", schema = @Schema(implementation = PublicAuthority.class))})
    public Response get(@PathParam("region") String region) {
        AuthorityView v = service.view(region);
        CacheControl cache = new CacheControl();
        cache.setMaxAge(300);
        return Response.ok(new PublicAuthority(v.regionCode(), v.regionName(), v.name(), v.address(), v.contact()))
                .cacheControl(cache).build();
    }
}
