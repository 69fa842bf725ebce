package cn.doublerandom.portal;

import cn.doublerandom.platform.Page;
import cn.doublerandom.item.ItemData;
import cn.doublerandom.item.ItemService;
import cn.doublerandom.platform.problem.ProblemException;
import cn.doublerandom.registry.history.Stored;
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

/** The public item list (随机抽查事项清单 is published): no token, cacheable. */
@Path("/public/v1/items")
@Tag(name = "Public")
@Produces(MediaType.APPLICATION_JSON)
@PermitAll
public class PublicItemResource {

    @Inject
    ItemService items;

    /** The contract's name for {@code Page<ItemData>}, which a {@link Response} does not carry. */
    @Schema(name = "PageItemData")
    record ItemDataPage(List<ItemData> items,
            @Schema(description = "Pass as 'after' for the following page; null on the last page", nullable = true) String next,
            @Schema(description = "How many the whole list holds, where that is cheap to know; absent otherwise") Integer total) {
    }

    @GET
    @Operation(operationId = "listPublicItems", summary = "The active items that apply in a region")
    @APIResponse(responseCode = "200", description = "The items a region draws", content = {@Content(mediaType = "application/json", schema = @Schema(implementation = ItemDataPage.class))})
    public Response list(@QueryParam("region") String region, @QueryParam("limit") Integer limit,
                         @QueryParam("after") String after) {
        if (region == null) {
            throw ProblemException.invalid("region", "region is required, e.g. 130123");
        }
        Page<ItemData> body = Page.slice(items.applicable(region, false).stream().map(Stored::data).toList(), limit, after,
                i -> Long.toString(i.id()));
        CacheControl cache = new CacheControl();
        cache.setMaxAge(300);
        return Response.ok(body).cacheControl(cache).build();
    }
}
