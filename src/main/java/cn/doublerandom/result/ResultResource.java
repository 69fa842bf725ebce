package cn.doublerandom.result;

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
import java.util.List;

/**
 * Inspection results (抽查结果): recorded by the bureau that drew the target, corrected by new
 * versions, held back or released with a reason; readable by whoever may read the draw.
 */
@Path("/api/v1/results")
@Tag(name = "Results")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed({Role.OPERATOR, Role.CITY, Role.AUDITOR})
public class ResultResource {

    @Inject
    ResultService service;

    /** Why a result is held back from publication, or released. */
    public record HoldRequest(String reason) {
    }

    @POST
    @RolesAllowed({Role.OPERATOR, Role.CITY})
    @Operation(operationId = "recordResult", summary = "Record the result of one selected target of an executed draw (one result per target): an outcome "
            + "per item of the draw in items [{itemId, wording}], each item exactly once, or wording alone when every item has "
            + "the same outcome; the version's wording is the summary: the first item wording other than NO_PROBLEM, else NO_PROBLEM")
    @APIResponse(responseCode = "201", description = "The recorded result", headers = {@Header(name = "Location", description = "Where the created record is read", schema = @Schema(type = SchemaType.STRING, format = "uri-reference"))}, content = {@Content(mediaType = "application/json", schema = @Schema(implementation = ResultView.class))})
    public Response record(ResultInput input) {
        ResultView view = service.record(input);
        return Response.status(Response.Status.CREATED).entity(view)
                .location(java.net.URI.create("/api/v1/results/" + view.id())).build();
    }

    @GET
    @Operation(operationId = "listResults", summary = "The results of a draw, in the draw's order, with their publication state")
    public Page<ResultView> list(@QueryParam("drawId") String drawId, @QueryParam("limit") Integer limit, @QueryParam("after") String after) {
        return service.ofDraw(drawId, limit, after);
    }

    @GET
    @Path("/{id}")
    @Operation(operationId = "getResult", summary = "One result with every version and its publication state")
    public ResultView get(@PathParam("id") String id) {
        return service.get(id);
    }

    @POST
    @Path("/{id}/corrections")
    @RolesAllowed({Role.OPERATOR, Role.CITY})
    @Operation(operationId = "correctResult", summary = "Correct a result: a new version with a reason and again every item's outcome (or the one-wording "
            + "shorthand); earlier versions stay as they were")
    @APIResponse(responseCode = "201", description = "The result with its new version", headers = {@Header(name = "Location", description = "Where the created record is read", schema = @Schema(type = SchemaType.STRING, format = "uri-reference"))}, content = {@Content(mediaType = "application/json", schema = @Schema(implementation = ResultView.class))})
    public Response correct(@PathParam("id") String id, ResultInput input) {
        ResultView view = service.correct(id, input);
        return Response.created(URI.create("/api/v1/results/" + view.id())).entity(view).build();
    }

    @POST
    @Path("/{id}/hold")
    @RolesAllowed({Role.OPERATOR, Role.CITY})
    @Operation(operationId = "holdResult", summary = "Hold a publishable result back from publication, with a reason (the deadline still runs)")
    public ResultView hold(@PathParam("id") String id, HoldRequest request) {
        return service.hold(id, true, request == null ? null : request.reason());
    }

    @POST
    @Path("/{id}/release")
    @RolesAllowed({Role.OPERATOR, Role.CITY})
    @Operation(operationId = "releaseResult", summary = "Release a held result: the next publication run publishes it")
    public ResultView release(@PathParam("id") String id, HoldRequest request) {
        return service.hold(id, false, request == null ? null : request.reason());
    }

    @POST
    @Path("/{id}/declassify")
    @RolesAllowed({Role.OPERATOR, Role.CITY})
    @Operation(operationId = "declassifyResult", summary = "Confidentiality lapses (解密), with a reason: the result is published by the next run, "
            + "and its draw's public package shows what it withheld once nothing else is withheld")
    public ResultView declassify(@PathParam("id") String id, HoldRequest request) {
        return service.declassify(id, request == null ? null : request.reason());
    }
}
