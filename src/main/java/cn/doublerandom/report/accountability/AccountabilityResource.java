package cn.doublerandom.report.accountability;

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

/**
 * Judgements that a violation should have been found (应查出而未查出, seed 004): recorded by whoever
 * oversees the bureau of the earlier check (its operator, its city, an auditor over it), retracted
 * with a reason, never deleted. The yearly report is /api/v1/reports/accountability.
 */
@Path("/api/v1/accountability/judgements")
@Tag(name = "Accountability")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed({Role.OPERATOR, Role.CITY, Role.AUDITOR})
public class AccountabilityResource {

    @Inject
    AccountabilityService service;

    /** Why a judgement is retracted. */
    public record RetractRequest(String reason) {
    }

    @POST
    @Operation(operationId = "recordJudgement", summary = "Judge that a later check's violation should have been found by an earlier check of the same enterprise")
    @APIResponse(responseCode = "201", description = "The judgement", headers = {@Header(name = "Location", description = "Where the created record is read", schema = @Schema(type = SchemaType.STRING, format = "uri-reference"))}, content = {@Content(mediaType = "application/json", schema = @Schema(implementation = AccountabilityView.JudgementRow.class))})
    public Response judge(JudgementInput input) {
        AccountabilityView.JudgementRow row = service.judge(input);
        return Response.status(Response.Status.CREATED).entity(row)
                .location(URI.create("/api/v1/accountability/judgements/" + row.id())).build();
    }

    @GET
    @Path("/{id}")
    @Operation(operationId = "getJudgement", summary = "One judgement, with its retraction if retracted")
    public AccountabilityView.JudgementRow get(@PathParam("id") String id) {
        return service.get(id);
    }

    @POST
    @Path("/{id}/retract")
    @Operation(operationId = "retractJudgement", summary = "Retract a mistaken judgement with a reason; it stays visible and counts no more")
    public AccountabilityView.JudgementRow retract(@PathParam("id") String id, RetractRequest request) {
        return service.retract(id, request == null ? null : request.reason());
    }
}
