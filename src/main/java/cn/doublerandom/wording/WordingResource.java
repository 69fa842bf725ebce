package cn.doublerandom.wording;

import cn.doublerandom.platform.Page;
import cn.doublerandom.platform.problem.ProblemException;
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
 * Result wordings (抽查结果用语) per region: administrators add wordings to their region's vocabulary
 * and retire them (audited); every signed-in role reads them with who recorded what and when.
 */
@Path("/api/v1/wordings")
@Tag(name = "Wordings")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed({Role.OPERATOR, Role.CITY, Role.AUDITOR, Role.ADMIN})
public class WordingResource {

    @Inject
    WordingCatalog catalog;

    @GET
    @Operation(operationId = "listWordings", summary = "The vocabulary of a region: national wordings, then its province's, its city's and its own; "
            + "retired ones included, with retiredFrom")
    public Page<Wording> list(@QueryParam("region") String region, @QueryParam("limit") Integer limit, @QueryParam("after") String after) {
        if (region == null) {
            throw ProblemException.invalid("region", "region is required, e.g. 130123");
        }
        return Page.slice(catalog.vocabulary(region), limit, after, Wording::code);
    }

    @GET
    @Path("/{code}")
    @Operation(operationId = "getWording", summary = "One wording, retired or not")
    public Wording get(@PathParam("code") String code) {
        return catalog.find(code).orElseThrow(() -> ProblemException.notFound("no wording "
                + cn.doublerandom.registry.FieldRules.abbreviate(code)));
    }

    @POST
    @RolesAllowed(Role.ADMIN)
    @Operation(operationId = "addWording", summary = "Add a wording to a region's vocabulary (an administrator of that region or above; codes are "
            + "unique service-wide and never reused)")
    @APIResponse(responseCode = "201", description = "The added wording", headers = {@Header(name = "Location", description = "Where the created record is read", schema = @Schema(type = SchemaType.STRING, format = "uri-reference"))}, content = {@Content(mediaType = "application/json", schema = @Schema(implementation = Wording.class))})
    public Response add(WordingInput input) {
        Wording w = catalog.add(input);
        return Response.created(URI.create("/api/v1/wordings/" + w.code())).entity(w).build();
    }

    @POST
    @Path("/{code}/retire")
    @RolesAllowed(Role.ADMIN)
    @Operation(operationId = "retireWording", summary = "Retire a wording from a date, with a reason: results determined from then on may not use it; "
            + "results that carry it keep it")
    public Wording retire(@PathParam("code") String code, RetirementInput input) {
        return catalog.retire(code, input);
    }
}
