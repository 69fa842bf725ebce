package cn.doublerandom.result.followup;

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
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

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
    @Operation(summary = "The rectifications of a result's problems, each with every version and re-check; status IN_PROGRESS "
            + "(整改中), OVERDUE (逾期未整改: in progress past its deadline day) or RECTIFIED (已整改), closed once a re-check confirmed it")
    public List<RectificationView> rectifications(@PathParam("resultId") String resultId) {
        return service.rectifications(resultId);
    }

    @POST
    @Path("/rectifications")
    @RolesAllowed({Role.OPERATOR, Role.CITY})
    @Operation(summary = "Order the rectification of one problem of the result's current version: problemIndex, requirement, "
            + "deadline, responsiblePerson; it starts IN_PROGRESS (整改中)")
    public Response order(@PathParam("resultId") String resultId, RectificationInput input) {
        return Response.status(Response.Status.CREATED).entity(service.order(resultId, input)).build();
    }

    @POST
    @Path("/rectifications/{id}/versions")
    @RolesAllowed({Role.OPERATOR, Role.CITY})
    @Operation(summary = "A new version of a rectification: status IN_PROGRESS or RECTIFIED (with rectifiedOn), a reason, and "
            + "whatever of requirement, deadline and responsiblePerson changed; earlier versions stay")
    public Response update(@PathParam("resultId") String resultId, @PathParam("id") String id, RectificationInput input) {
        return Response.status(Response.Status.CREATED).entity(service.update(resultId, id, input)).build();
    }

    @POST
    @Path("/rectifications/{id}/rechecks")
    @RolesAllowed({Role.OPERATOR, Role.CITY})
    @Operation(summary = "Record a re-check (RECHECK 复查) or look-back (LOOK_BACK 回头看) as a check of its own: date, team, "
            + "outcome CONFIRMED (closes the rectification) or NOT_RECTIFIED (back to 整改中 with a new deadline), findings")
    public Response recheck(@PathParam("resultId") String resultId, @PathParam("id") String id, RecheckInput input) {
        return Response.status(Response.Status.CREATED).entity(service.recheck(resultId, id, input)).build();
    }

    @GET
    @Path("/penalties")
    @Operation(summary = "The penalty decisions on a result, each with every version")
    public List<PenaltyView> penalties(@PathParam("resultId") String resultId) {
        return service.penalties(resultId);
    }

    @POST
    @Path("/penalties")
    @RolesAllowed({Role.OPERATOR, Role.CITY})
    @Operation(summary = "Record a penalty decision: caseNumber (unique), decisionDate, amount in yuan, discretion (NO_PENALTY 不予处罚, "
            + "LIGHTER 从轻, STANDARD, HEAVIER 从重; all but STANDARD with discretionReason) and transfers as handling codes "
            + "(REFERRED, REFERRED_TO_GOVERNMENT, REFERRED_FOR_PENALTY, REFERRED_TO_POLICE, REFERRED_TO_JUDICIAL 移送司法机关)")
    public Response decide(@PathParam("resultId") String resultId, PenaltyInput input) {
        return Response.status(Response.Status.CREATED).entity(service.decide(resultId, input)).build();
    }

    @POST
    @Path("/penalties/{id}/corrections")
    @RolesAllowed({Role.OPERATOR, Role.CITY})
    @Operation(summary = "Correct a penalty decision: a new version with a reason; the case number stays")
    public Response correctPenalty(@PathParam("resultId") String resultId, @PathParam("id") String id, PenaltyInput input) {
        return Response.status(Response.Status.CREATED).entity(service.correctPenalty(resultId, id, input)).build();
    }
}
