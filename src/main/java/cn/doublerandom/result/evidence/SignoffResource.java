package cn.doublerandom.result.evidence;

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

/** The enterprise's signature on the inspection record (现场检查笔录), or its refusal with the reason. */
@Path("/api/v1/results/{resultId}/signoffs")
@Tag(name = "Results")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed({Role.OPERATOR, Role.CITY, Role.AUDITOR})
public class SignoffResource {

    @Inject
    EvidenceService service;

    @POST
    @RolesAllowed({Role.OPERATOR, Role.CITY})
    @Operation(operationId = "recordSignoff", summary = "Record who signed the inspection record of the result's current version for the enterprise: "
            + "signatory, signatoryRole (e.g. 法定代表人), refused false; or refused true with refusalReason. Once per version")
    @APIResponse(responseCode = "201", description = "The signature or refusal", headers = {@Header(name = "Location", description = "Where the created record is read", schema = @Schema(type = SchemaType.STRING, format = "uri-reference"))}, content = @Content(mediaType = "application/json", schema = @Schema(implementation = SignoffView.class)))
    public Response signoff(@PathParam("resultId") String resultId, EvidenceService.SignoffInput input) {
        // Signatures are read as the result's list; there is no address for one alone.
        // recorded first: only an id the service found goes into the Location, a hostile one is its 404
        var signoff = service.signoff(resultId, input);
        return Response.created(URI.create("/api/v1/results/" + resultId + "/signoffs")).entity(signoff).build();
    }

    @GET
    @Operation(operationId = "listSignoffs", summary = "The signatures (or refusals) on the inspection record, latest version first")
    public Page<SignoffView> list(@PathParam("resultId") String resultId, @QueryParam("limit") Integer limit, @QueryParam("after") String after) {
        return Page.slice(service.signoffs(resultId), limit, after, s -> s.resultVersion() + "|" + s.recordedAt());
    }
}
