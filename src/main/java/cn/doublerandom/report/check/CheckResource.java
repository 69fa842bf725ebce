package cn.doublerandom.report.check;

import cn.doublerandom.platform.request.DateParameters;
import cn.doublerandom.platform.Listing;
import cn.doublerandom.platform.Page;
import cn.doublerandom.security.Role;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.headers.Header;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import java.net.URI;

/**
 * Targeted checks (针对性检查: complaints, referrals, incidents, data leads): recorded by the bureau that
 * checked, never changed, counted by the reports apart from random checks.
 */
@Path("/api/v1/checks")
@Tag(name = "Targeted checks")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed({Role.OPERATOR, Role.CITY, Role.AUDITOR})
public class CheckResource {

    @Inject
    TargetedCheckService service;

    @POST
    @RolesAllowed({Role.OPERATOR, Role.CITY})
    @Operation(operationId = "recordCheck", summary = "Record a targeted (non-random) check of the caller's own bureau; append-only")
    @APIResponse(responseCode = "201", description = "The check", headers = {@Header(name = "Location", description = "Where the created record is read", schema = @Schema(type = SchemaType.STRING, format = "uri-reference"))}, content = {@Content(mediaType = "application/json", schema = @Schema(implementation = CheckView.class))})
    public Response record(CheckInput input) {
        CheckView view = service.record(input);
        return Response.status(Response.Status.CREATED).entity(view).location(URI.create("/api/v1/checks/" + view.id())).build();
    }

    @GET
    @Path("/{id}")
    @Operation(operationId = "getCheck", summary = "One targeted check")
    public CheckView get(@PathParam("id") String id) {
        return service.get(id);
    }

    @GET
    @Operation(operationId = "listChecks", summary = "Targeted checks of a region's bureaus (a city includes its counties) by inspection date, by pages")
    public Page<CheckView> list(@QueryParam("region") String region, @QueryParam("from") String from,
                                @QueryParam("to") String to, @QueryParam("after") String after,
                                @QueryParam("limit") Integer limit) {
        return service.list(region, DateParameters.date("from", from), DateParameters.date("to", to), Listing.cursor(after), Listing.limit(limit));
    }

}
