package cn.doublerandom.result.evidence;

import jakarta.ws.rs.QueryParam;
import cn.doublerandom.platform.Page;
import jakarta.annotation.security.PermitAll;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
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

import java.util.List;

/** The attachments a bureau marked publishable, of a published result; no token. */
@Path("/public/v1/results/{resultId}/attachments")
@Tag(name = "Public")
@Produces(MediaType.APPLICATION_JSON)
@PermitAll
public class PublicAttachmentResource {

    @Inject
    EvidenceService service;

    @GET
    @Operation(operationId = "listPublicAttachments", summary = "The publishable attachments of a published result (none is public unless the bureau marked it)")
    public Page<AttachmentView> list(@PathParam("resultId") String resultId, @QueryParam("limit") Integer limit, @QueryParam("after") String after) {
        return Page.slice(service.publicAttachments(resultId), limit, after, AttachmentView::id);
    }

    @GET
    @Path("/{id}")
    @Produces(MediaType.WILDCARD)
    @Operation(operationId = "getPublicAttachmentContent", summary = "A publishable attachment's file, after its SHA-256 was checked")
    @APIResponse(responseCode = "200", description = "The file", content = {@Content(mediaType = "image/jpeg", schema = @Schema(type = SchemaType.STRING, format = "binary")), @Content(mediaType = "image/png", schema = @Schema(type = SchemaType.STRING, format = "binary")), @Content(mediaType = "application/pdf", schema = @Schema(type = SchemaType.STRING, format = "binary"))})
    public Response content(@PathParam("resultId") String resultId, @PathParam("id") String id) {
        return Downloads.of(service.publicContent(resultId, id), "public, max-age=60");
    }
}
