package cn.doublerandom.draw;

import cn.doublerandom.platform.Page;
import cn.doublerandom.platform.problem.ProblemException;
import cn.doublerandom.platform.problem.ProblemTexts;
import cn.doublerandom.security.Role;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
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
 * The quarterly draw (双随机): prepare freezes and commits the pool; execute takes the seed; an
 * auditor voids, replays and exports. The selected list is visible only to the authority, its city
 * and auditors.
 */
@Path("/api/v1/draws")
@Tag(name = "Draws")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed({Role.OPERATOR, Role.CITY, Role.AUDITOR})
public class DrawResource {

    @Inject
    DrawService service;

    @Inject
    DrawAudit audit;

    @Inject
    DrawViews views;

    /** The caller's part of the seed: e.g. 20 digits of dice rolled before witnesses; omit to let the service's nonce decide alone. */
    public record ExecuteRequest(String seed) {
    }

    /** Why a draw is voided. */
    public record VoidRequest(String reason) {
    }

    @POST
    @RolesAllowed({Role.OPERATOR, Role.CITY})
    @Operation(operationId = "prepareDraw", summary = "Prepare a draw: freeze the pool snapshot, return its poolHash and the commitment to the service's nonce")
    @APIResponse(responseCode = "201", description = "The prepared draw", headers = {@Header(name = "Location", description = "Where the created record is read", schema = @Schema(type = SchemaType.STRING, format = "uri-reference"))}, content = {@Content(mediaType = "application/json", schema = @Schema(implementation = DrawView.class))})
    public Response prepare(PrepareRequest request) {
        DrawView draw = service.prepare(request);
        return Response.created(URI.create("/api/v1/draws/" + draw.id())).entity(draw).build();
    }

    @GET
    @Operation(operationId = "listDraws", summary = "The draws of an authority (a city includes its counties), optionally of one quarter, oldest first, a page at a time")
    public Page<DrawView> list(@QueryParam("authority") String authority, @QueryParam("quarter") String quarter,
                               @QueryParam("limit") Integer limit, @QueryParam("after") String after, @Context HttpHeaders headers) {
        Page<DrawView> page = views.list(authority, quarter, limit, after);
        return new Page<>(page.items().stream().map(v -> localized(v, headers)).toList(), page.next(), page.total());
    }

    @GET
    @Path("/{id}")
    @Operation(operationId = "getDraw", summary = "One draw with its plan and, once executed, its selected targets and teams")
    public DrawView get(@PathParam("id") String id, @Context HttpHeaders headers) {
        return localized(views.get(id), headers);
    }

    @POST
    @Path("/{id}/execute")
    @RolesAllowed({Role.OPERATOR, Role.CITY})
    @Operation(operationId = "executeDraw", summary = "Execute a prepared draw with the caller's seed: S = seed + \"|\" + nonce (DRAW-1 §5)")
    public DrawView execute(@PathParam("id") String id, ExecuteRequest request) {
        DrawService.Executed executed = service.execute(id, request == null ? null : request.seed());
        if (executed.failure() != null) {
            throw executed.failure();
        }
        return executed.draw();
    }

    /** Who leaves a team, and why (illness, a late conflict of interest). */
    public record SubstituteRequest(String member, String reason) {
    }

    @POST
    @Path("/{id}/targets/{uscc}/substitute")
    @RolesAllowed({Role.OPERATOR, Role.CITY})
    @Operation(operationId = "substituteTeamMember", summary = "Replace a team member by the next eligible candidate of the target's sequence, with a reason")
    public DrawView substitute(@PathParam("id") String id, @PathParam("uscc") String uscc, SubstituteRequest request) {
        return service.substitute(id, uscc, request == null ? null : request.member(), request == null ? null : request.reason());
    }

    @POST
    @Path("/{id}/void")
    @RolesAllowed(Role.AUDITOR)
    @Operation(operationId = "voidDraw", summary = "Void a draw with a reason; the record stays, and one new draw may replace it")
    public DrawView voidDraw(@PathParam("id") String id, VoidRequest request, @Context HttpHeaders headers) {
        return localized(service.voidDraw(id, request == null ? null : request.reason()), headers);
    }

    /** A failed draw's reason is kept as the engine wrote it; the caller reads it in its language, as a problem. */
    private static DrawView localized(DrawView v, HttpHeaders headers) {
        return v.failure() == null ? v : v.withFailure(ProblemTexts.inLanguage(v.failure(), headers.getHeaderString(HttpHeaders.ACCEPT_LANGUAGE)));
    }

    @GET
    @Path("/{id}/replay")
    @Operation(operationId = "replayDraw", summary = "Recompute a draw from its stored snapshot and seed and say whether everything matches")
    public DrawAudit.Replay replay(@PathParam("id") String id) {
        return audit.replay(id);
    }

    @GET
    @Path("/{id}/export")
    @Operation(operationId = "exportDraw", summary = "Everything an auditor needs offline: seed, nonce, snapshot text, policy, result, ledger records and hashes")
    public DrawAudit.Export export(@PathParam("id") String id) {
        if (id == null) {
            throw ProblemException.notFound("no draw");
        }
        return audit.export(id);
    }
}
