package cn.doublerandom.result.evidence;

import cn.doublerandom.platform.Page;
import cn.doublerandom.security.Role;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
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

/** Attachments on a result (证据): photos, the signed inspection record, the penalty decision. */
@Path("/api/v1/results/{resultId}/attachments")
@Tag(name = "Results")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed({Role.OPERATOR, Role.CITY, Role.AUDITOR})
public class AttachmentResource {

    @Inject
    EvidenceService service;

    /** Whether the public portal may show an attachment, and why. */
    public record DisclosureRequest(Boolean publishable, String reason) {
    }

    @POST
    @Consumes(MediaType.WILDCARD)
    @RolesAllowed({Role.OPERATOR, Role.CITY})
    @Operation(operationId = "addAttachment", summary = "Attach a file to the result's current version: the body is the file (image/jpeg, image/png or "
            + "application/pdf, as Content-Type, and its content must be of that type), kind PHOTO, SIGNED_RECORD, "
            + "PENALTY_DECISION or OTHER, fileName; within doublerandom.attachments.max-size. Its SHA-256 is recorded with "
            + "the version and checked on every read. Not public until marked publishable")
    @APIResponse(responseCode = "201", description = "The attachment", headers = {@Header(name = "Location", description = "Where the created record is read", schema = @Schema(type = SchemaType.STRING, format = "uri-reference"))}, content = @Content(mediaType = "application/json", schema = @Schema(implementation = AttachmentView.class)))
    public Response attach(@PathParam("resultId") String resultId, @QueryParam("kind") String kind,
                           @QueryParam("fileName") String fileName, @HeaderParam("Content-Type") String contentType,
                           byte[] body) {
        AttachmentView view = service.attach(resultId, kind, fileName, contentType, body);
        return Response.status(Response.Status.CREATED).entity(view)
                .location(URI.create("/api/v1/results/" + resultId + "/attachments/" + view.id() + "/content")).build();
    }

    @GET
    @Operation(operationId = "listAttachments", summary = "The attachments of a result, each with the version it documents, its SHA-256, size, type and disclosure")
    public Page<AttachmentView> list(@PathParam("resultId") String resultId, @QueryParam("limit") Integer limit, @QueryParam("after") String after) {
        return Page.slice(service.attachments(resultId), limit, after, AttachmentView::id);
    }

    @GET
    @Path("/{id}/content")
    @Produces(MediaType.WILDCARD)
    @Operation(operationId = "getAttachmentContent", summary = "The file, after its SHA-256 was checked against the recorded one; a file whose stored bytes no "
            + "longer match is not served (500 attachment-corrupted)")
    @APIResponse(responseCode = "200", description = "The file", content = {@Content(mediaType = "image/jpeg", schema = @Schema(type = SchemaType.STRING, format = "binary")), @Content(mediaType = "image/png", schema = @Schema(type = SchemaType.STRING, format = "binary")), @Content(mediaType = "application/pdf", schema = @Schema(type = SchemaType.STRING, format = "binary"))})
    public Response content(@PathParam("resultId") String resultId, @PathParam("id") String id) {
        return Downloads.of(service.content(resultId, id), "private, no-store");
    }

    @POST
    @Path("/{id}/disclosure")
    @RolesAllowed({Role.OPERATOR, Role.CITY})
    @Operation(operationId = "discloseAttachment", summary = "Mark an attachment publishable (shown on the portal once the result is published) or withdraw it, "
            + "with a reason; the latest marking stands")
    public AttachmentView disclose(@PathParam("resultId") String resultId, @PathParam("id") String id, DisclosureRequest request) {
        return service.disclose(resultId, id, request == null ? null : request.publishable(),
                request == null ? null : request.reason());
    }
}
