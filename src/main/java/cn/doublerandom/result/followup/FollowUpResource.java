package cn.doublerandom.result.followup;

import jakarta.ws.rs.QueryParam;
import cn.doublerandom.platform.Page;
import cn.doublerandom.security.Role;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
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
 * The follow-up of a result (持续追踪): rectifications (整改) with their re-checks (复查, 回头看), and
 * penalty decisions (行政处罚) with their transfers (移送).
 */
@Path("/api/v1/results/{resultId}")
@Tag(name = "Results")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed({Role.OPERATOR, Role.CITY, Role.AUDITOR})
public class FollowUpResource {

    @Inject
    FollowUpService service;

    @GET
    @Path("/rectifications")
    @Operation(operationId = "listRectifications", summary = "The rectifications of a result's problems, each with every version and re-check; status IN_PROGRESS "
            + "(整改中), OVERDUE (逾期未整改: in progress past its deadline day) or RECTIFIED (已整改), closed once a re-check confirmed it")
    public Page<RectificationView> rectifications(@PathParam("resultId") String resultId, @QueryParam("limit") Integer limit, @QueryParam("after") String after) {
        return Page.slice(service.rectifications(resultId), limit, after, RectificationView::id);
    }

    @POST
    @Path("/rectifications")
    @RolesAllowed({Role.OPERATOR, Role.CITY})
    @Operation(operationId = "orderRectification", summary = "Order the rectification of one problem of the result's current version: problemIndex, requirement, "
            + "deadline, responsiblePerson; it starts IN_PROGRESS (整改中)")
    @APIResponse(responseCode = "201", description = "The rectification", headers = {@Header(name = "Location", description = "Where the created record is read", schema = @Schema(type = SchemaType.STRING, format = "uri-reference"))}, content = {@Content(mediaType = "application/json", schema = @Schema(implementation = RectificationView.class))})
    public Response order(@PathParam("resultId") String resultId, RectificationInput input) {
        return created(resultId, "rectifications", service.order(resultId, input));
    }

    @POST
    @Path("/rectifications/{id}/versions")
    @RolesAllowed({Role.OPERATOR, Role.CITY})
    @Operation(operationId = "updateRectification", summary = "A new version of a rectification: status IN_PROGRESS or RECTIFIED (with rectifiedOn), a reason, and "
            + "whatever of requirement, deadline and responsiblePerson changed; earlier versions stay")
    @APIResponse(responseCode = "201", description = "The rectification with its new version", headers = {@Header(name = "Location", description = "Where the created record is read", schema = @Schema(type = SchemaType.STRING, format = "uri-reference"))}, content = {@Content(mediaType = "application/json", schema = @Schema(implementation = RectificationView.class))})
    public Response update(@PathParam("resultId") String resultId, @PathParam("id") String id, RectificationInput input) {
        return created(resultId, "rectifications", service.update(resultId, id, input));
    }

    @POST
    @Path("/rectifications/{id}/rechecks")
    @RolesAllowed({Role.OPERATOR, Role.CITY})
    @Operation(operationId = "recordRecheck", summary = "Record a re-check (RECHECK 复查) or look-back (LOOK_BACK 回头看) as a check of its own: date, team, "
            + "outcome CONFIRMED (closes the rectification) or NOT_RECTIFIED (back to 整改中 with a new deadline), findings")
    @APIResponse(responseCode = "201", description = "The rectification with the re-check", headers = {@Header(name = "Location", description = "Where the created record is read", schema = @Schema(type = SchemaType.STRING, format = "uri-reference"))}, content = {@Content(mediaType = "application/json", schema = @Schema(implementation = RectificationView.class))})
    public Response recheck(@PathParam("resultId") String resultId, @PathParam("id") String id, RecheckInput input) {
        return created(resultId, "rectifications", service.recheck(resultId, id, input));
    }

    @GET
    @Path("/penalties")
    @Operation(operationId = "listPenalties", summary = "The penalty decisions on a result, each with every version")
    public Page<PenaltyView> penalties(@PathParam("resultId") String resultId, @QueryParam("limit") Integer limit, @QueryParam("after") String after) {
        return Page.slice(service.penalties(resultId), limit, after, PenaltyView::id);
    }

    @POST
    @Path("/penalties")
    @RolesAllowed({Role.OPERATOR, Role.CITY})
    @Operation(operationId = "recordPenalty", summary = "Record a penalty decision: caseNumber (unique), decisionDate, amount in yuan, discretion (NO_PENALTY 不予处罚, "
            + "LIGHTER 从轻, STANDARD, HEAVIER 从重; all but STANDARD with discretionReason) and transfers as handling codes "
            + "(REFERRED, REFERRED_TO_GOVERNMENT, REFERRED_FOR_PENALTY, REFERRED_TO_POLICE, REFERRED_TO_JUDICIAL 移送司法机关)")
    @APIResponse(responseCode = "201", description = "The penalty decision", headers = {@Header(name = "Location", description = "Where the created record is read", schema = @Schema(type = SchemaType.STRING, format = "uri-reference"))}, content = {@Content(mediaType = "application/json", schema = @Schema(implementation = PenaltyView.class))})
    public Response decide(@PathParam("resultId") String resultId, PenaltyInput input) {
        return created(resultId, "penalties", service.decide(resultId, input));
    }

    @POST
    @Path("/penalties/{id}/corrections")
    @RolesAllowed({Role.OPERATOR, Role.CITY})
    @Operation(operationId = "correctPenalty", summary = "Correct a penalty decision: a new version with a reason; the case number stays")
    @APIResponse(responseCode = "201", description = "The penalty decision with its new version", headers = {@Header(name = "Location", description = "Where the created record is read", schema = @Schema(type = SchemaType.STRING, format = "uri-reference"))}, content = {@Content(mediaType = "application/json", schema = @Schema(implementation = PenaltyView.class))})
    public Response correctPenalty(@PathParam("resultId") String resultId, @PathParam("id") String id, PenaltyInput input) {
        return created(resultId, "penalties", service.correctPenalty(resultId, id, input));
    }

    /** Rectifications and penalties are read as their result's lists; there is no address for one alone. */
    private static Response created(String resultId, String list, Object body) {
        return Response.created(URI.create("/api/v1/results/" + resultId + "/" + list)).entity(body).build();
    }
}
