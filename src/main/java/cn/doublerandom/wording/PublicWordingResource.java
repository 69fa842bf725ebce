package cn.doublerandom.wording;

import cn.doublerandom.platform.Page;
import cn.doublerandom.platform.ServiceClock;
import cn.doublerandom.platform.problem.ProblemException;
import jakarta.annotation.security.PermitAll;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.CacheControl;
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

/** The public vocabulary of result wordings of a region: no token, cacheable. */
@Path("/public/v1/wordings")
@Tag(name = "Public")
@Produces(MediaType.APPLICATION_JSON)
@PermitAll
public class PublicWordingResource {

    @Inject
    WordingCatalog catalog;

    @Inject
    ServiceClock clock;

    /** The contract's name for {@code Page<PublicWording>}, which a {@link Response} does not carry. */
    @Schema(name = "PagePublicWording")
    record PublicWordingPage(List<PublicWording> items,
            @Schema(description = "Pass as 'after' for the following page; null on the last page", nullable = true) String next,
            @Schema(description = "How many the whole list holds, where that is cheap to know; absent otherwise") Integer total) {
    }

    @GET
    @Operation(operationId = "listPublicWordings", summary = "The result wordings of a region (national, its province's, its city's, its own), retired ones "
            + "included with retiredFrom and active=false")
    @APIResponse(responseCode = "200", description = "The wordings a region uses", content = {@Content(mediaType = "application/json", schema = @Schema(implementation = PublicWordingPage.class))})
    public Response list(@QueryParam("region") String region, @QueryParam("limit") Integer limit,
                         @QueryParam("after") String after) {
        if (region == null) {
            throw ProblemException.invalid("region", "region is required, e.g. 130123");
        }
        Page<PublicWording> body = Page.slice(catalog.vocabulary(region).stream().map(w -> PublicWording.of(w, clock.today())).toList(),
                limit, after, PublicWording::code);
        CacheControl cache = new CacheControl();
        cache.setMaxAge(300);
        return Response.ok(body).cacheControl(cache).build();
    }
}
