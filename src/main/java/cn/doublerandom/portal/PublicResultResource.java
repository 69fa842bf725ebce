package cn.doublerandom.portal;

import cn.doublerandom.platform.request.DateParameters;
import cn.doublerandom.platform.Listing;
import cn.doublerandom.platform.Page;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.annotation.security.PermitAll;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.CacheControl;
import jakarta.ws.rs.core.EntityTag;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.headers.Header;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import java.time.Instant;
import java.util.Date;
import java.util.List;

/**
 * The public portal's API (一公开): published results and public draws, no token, cacheable by a
 * portal or CDN (ETag of the body, Last-Modified, 60 s max-age, 304 on If-None-Match).
 */
@Path("/public/v1")
@Tag(name = "Public")
@Produces(MediaType.APPLICATION_JSON)
@PermitAll
public class PublicResultResource {

    static final int MAX_AGE = 60;

    @Inject
    PortalService portal;

    @Inject
    ObjectMapper json;

    /**
     * The contract's name for {@code Page<PublicResult>}: the body is serialised to bytes for its
     * ETag, so the schema cannot be inferred from the method's type.
     */
    @Schema(name = "PagePublicResult")
    record PublicResultPage(List<PublicResult> items,
            @Schema(description = "Pass as 'after' for the following page; null on the last page", nullable = true) String next,
            @Schema(description = "How many the whole list holds, where that is cheap to know; absent otherwise") Integer total) {
    }

    /** The contract's name for {@code Page<PublicDraw>}. */
    @Schema(name = "PagePublicDraw")
    record PublicDrawPage(List<PublicDraw> items,
            @Schema(description = "Pass as 'after' for the following page; null on the last page", nullable = true) String next,
            @Schema(description = "How many the whole list holds, where that is cheap to know; absent otherwise") Integer total) {
    }

    @GET
    @Path("/results")
    @Operation(operationId = "listPublicResults", summary = "Published results, newest publication first: by region (a city includes its counties), quarter, "
            + "inspection date range, wording (a wording code: any item of the visit with it), and q (a USCC, or 2+ characters of the enterprise name)")
    @APIResponse(responseCode = "200", description = "One page of published results", headers = {@Header(name = "ETag", description = "A tag of the body, for If-None-Match", schema = @Schema(type = SchemaType.STRING))}, content = {@Content(mediaType = "application/json", schema = @Schema(implementation = PublicResultPage.class))})
    @APIResponse(responseCode = "304", description = "Not modified: the If-None-Match tag is current", headers = {@Header(name = "ETag", description = "A tag of the body, for If-None-Match", schema = @Schema(type = SchemaType.STRING))})
    public Response results(@QueryParam("region") String region, @QueryParam("quarter") String quarter,
                            @QueryParam("from") String from, @QueryParam("to") String to,
                            @QueryParam("wording") String wording, @QueryParam("q") String q,
                            @QueryParam("after") String after, @QueryParam("limit") Integer limit,
                            @HeaderParam("If-None-Match") String ifNoneMatch) {
        Page<PublicResult> page = portal.results(new PortalService.Filter(region, quarter, DateParameters.date("from", from), DateParameters.date("to", to),
                wording, q), after, limit);
        Instant modified = page.items().stream().map(PublicResult::publishedAt).max(Instant::compareTo).orElse(null);
        return cached(page, modified, ifNoneMatch);
    }

    @GET
    @Path("/results/{id}")
    @Operation(operationId = "getPublicResult", summary = "Every published version of one result, newest first")
    @APIResponse(responseCode = "200", description = "Every published version of the result, newest first", headers = {@Header(name = "ETag", description = "A tag of the body, for If-None-Match", schema = @Schema(type = SchemaType.STRING))}, content = {@Content(mediaType = "application/json", schema = @Schema(implementation = PublicResultPage.class))})
    @APIResponse(responseCode = "304", description = "Not modified: the If-None-Match tag is current", headers = {@Header(name = "ETag", description = "A tag of the body, for If-None-Match", schema = @Schema(type = SchemaType.STRING))})
    public Response result(@PathParam("id") String id, @QueryParam("limit") Integer limit, @QueryParam("after") String after,
                           @HeaderParam("If-None-Match") String ifNoneMatch) {
        Listing.limit(limit);
        Listing.cursor(after);
        List<PublicResult> versions = portal.result(id);
        return cached(Page.slice(versions, limit, after, r -> Integer.toString(r.version())), versions.get(0).publishedAt(), ifNoneMatch);
    }

    @GET
    @Path("/draws")
    @Operation(operationId = "listPublicDraws", summary = "Public draws (each result published or withheld) of a region subtree, newest first")
    @APIResponse(responseCode = "200", description = "The executed draws", headers = {@Header(name = "ETag", description = "A tag of the body, for If-None-Match", schema = @Schema(type = SchemaType.STRING))}, content = {@Content(mediaType = "application/json", schema = @Schema(implementation = PublicDrawPage.class))})
    @APIResponse(responseCode = "304", description = "Not modified: the If-None-Match tag is current", headers = {@Header(name = "ETag", description = "A tag of the body, for If-None-Match", schema = @Schema(type = SchemaType.STRING))})
    public Response draws(@QueryParam("region") String region, @QueryParam("limit") Integer limit,
                          @QueryParam("after") String after, @HeaderParam("If-None-Match") String ifNoneMatch) {
        return cached(portal.draws(region, limit, after), null, ifNoneMatch);
    }

    @GET
    @Path("/draws/{id}")
    @Operation(operationId = "getPublicDraw", summary = "A public draw with its verification data: seed, nonce, commit, poolHash, ledger record hashes, "
            + "selected USCCs; the selected enterprises with their published names and links to their results (those "
            + "withheld only counted); the snapshot and record texts only when no result was withheld")
    @APIResponse(responseCode = "200", description = "The draw", headers = {@Header(name = "ETag", description = "A tag of the body, for If-None-Match", schema = @Schema(type = SchemaType.STRING))}, content = {@Content(mediaType = "application/json", schema = @Schema(implementation = PublicDraw.class))})
    @APIResponse(responseCode = "304", description = "Not modified: the If-None-Match tag is current", headers = {@Header(name = "ETag", description = "A tag of the body, for If-None-Match", schema = @Schema(type = SchemaType.STRING))})
    public Response draw(@PathParam("id") String id, @HeaderParam("If-None-Match") String ifNoneMatch) {
        return cached(portal.draw(id), null, ifNoneMatch);
    }

    private Response cached(Object body, Instant modified, String ifNoneMatch) {
        byte[] bytes;
        try {
            bytes = json.writeValueAsBytes(body);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
        EntityTag tag = CacheTags.of(bytes);
        CacheControl cache = new CacheControl();
        cache.setMaxAge(MAX_AGE);
        cache.setPrivate(false);
        Response.ResponseBuilder r;
        if (ifNoneMatch != null && CacheTags.matches(ifNoneMatch, tag)) {
            r = Response.notModified(tag);
        } else {
            r = Response.ok(bytes, MediaType.APPLICATION_JSON_TYPE).tag(tag);
        }
        r.header("Cache-Control", "public, max-age=" + MAX_AGE);
        if (modified != null) {
            r.lastModified(Date.from(modified));
        }
        return r.build();
    }

}
