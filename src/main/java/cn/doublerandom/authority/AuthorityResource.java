package cn.doublerandom.authority;

import jakarta.ws.rs.QueryParam;
import cn.doublerandom.platform.Page;
import cn.doublerandom.platform.Listing;
import cn.doublerandom.security.RegionScope;
import cn.doublerandom.security.Role;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.EntityTag;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.headers.Header;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import java.util.List;

/** The enforcement authorities (检查机关) of the regions, with history. */
@Path("/api/v1/authorities")
@Tag(name = "Authorities")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed({Role.OPERATOR, Role.CITY, Role.AUDITOR, Role.ADMIN})
public class AuthorityResource {

    @Inject
    AuthorityService service;

    @Inject
    RegionScope scope;

    @GET
    @Path("/{region}")
    @Operation(operationId = "getAuthority", summary = "A region's enforcement authority: its official name (recorded, else 〈市〉生态环境局〈县〉分局), address and contact")
    @APIResponse(responseCode = "200", description = "The authority", headers = {@Header(name = "ETag", description = "The version, for If-Match", schema = @Schema(type = SchemaType.STRING))}, content = {@Content(mediaType = "application/json", schema = @Schema(implementation = AuthorityView.class))})
    public Response get(@PathParam("region") String region) {
        AuthorityView v = service.view(region);
        scope.requireRead(v.regionCode());
        return Response.ok(v).tag(new EntityTag(Integer.toString(v.version()))).build();
    }

    @PUT
    @Path("/{region}")
    @RolesAllowed({Role.OPERATOR, Role.CITY, Role.ADMIN})
    @Operation(operationId = "putAuthority", summary = "Record a new version of a region's authority (its own bureau, or an administrator above it); "
            + "changeReason is required, If-Match: \"<version>\" guards against lost updates (\"0\" before the first)")
    @APIResponse(responseCode = "200", description = "The authority", headers = {@Header(name = "ETag", description = "The version, for If-Match", schema = @Schema(type = SchemaType.STRING))}, content = {@Content(mediaType = "application/json", schema = @Schema(implementation = AuthorityView.class))})
    public Response put(@PathParam("region") String region, AuthorityInput input, @HeaderParam("If-Match") String ifMatch) {
        AuthorityView v = service.put(region, input, Listing.expectedVersion(ifMatch));
        return Response.ok(v).tag(new EntityTag(Integer.toString(v.version()))).build();
    }

    @GET
    @Path("/{region}/history")
    @Operation(operationId = "getAuthorityHistory", summary = "Every recorded version of a region's authority, oldest first")
    public Page<AuthorityVersion> history(@PathParam("region") String region, @QueryParam("limit") Integer limit, @QueryParam("after") String after) {
        AuthorityView v = service.view(region);
        scope.requireRead(v.regionCode());
        return Page.slice(service.history(v.regionCode()), limit, after, a -> Integer.toString(a.version()));
    }
}
