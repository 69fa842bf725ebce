package cn.doublerandom.item;

import cn.doublerandom.platform.Listing;
import cn.doublerandom.platform.Page;
import cn.doublerandom.platform.problem.ProblemException;
import cn.doublerandom.registry.history.RegistryEntity;
import cn.doublerandom.registry.history.RegistryHistory;
import cn.doublerandom.registry.history.Stored;
import cn.doublerandom.registry.history.VersionRecord;
import cn.doublerandom.security.Role;
import jakarta.annotation.security.PermitAll;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
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

import java.net.URI;
import java.util.List;

/** The item list for bureaus: public to read; administrators add, change and retire items. */
@Path("/api/v1/items")
@Tag(name = "Items")
@Produces(MediaType.APPLICATION_JSON)
public class ItemResource {

    @Inject
    ItemService service;

    @Inject
    RegistryHistory history;

    /** An item with its version, as the API shows it. */
    public record ItemView(@com.fasterxml.jackson.annotation.JsonUnwrapped ItemData data, int version,
                           java.time.Instant updatedAt) {
        static ItemView of(Stored<ItemData> s) {
            return new ItemView(s.data(), s.version(), s.updatedAt());
        }
    }

    @GET
    @PermitAll
    @Operation(operationId = "listItems", summary = "The items that apply in a region: its own list and those of the city and province above it")
    public Page<ItemView> list(@QueryParam("region") String region, @QueryParam("includeRetired") boolean includeRetired,
                               @QueryParam("limit") Integer limit, @QueryParam("after") String after) {
        if (region == null) {
            throw ProblemException.invalid("region", "region is required, e.g. 130123");
        }
        return Page.slice(service.applicable(region, includeRetired).stream().map(ItemView::of).toList(), limit, after,
                v -> Long.toString(v.data().id()));
    }

    @GET
    @Path("/{id}")
    @PermitAll
    @Operation(operationId = "getItem", summary = "One item")
    @APIResponse(responseCode = "200", description = "The item", headers = {@Header(name = "ETag", description = "The version, for If-Match", schema = @Schema(type = SchemaType.STRING))}, content = {@Content(mediaType = "application/json", schema = @Schema(implementation = ItemView.class))})
    public Response get(@PathParam("id") long id) {
        Stored<ItemData> s = service.get(id);
        return Response.ok(ItemView.of(s)).tag(new EntityTag(Integer.toString(s.version()))).build();
    }

    @POST
    @RolesAllowed(Role.ADMIN)
    @Operation(operationId = "createItem", summary = "Add an item to a region's list")
    @APIResponse(responseCode = "201", description = "The created item", headers = {@Header(name = "ETag", description = "The version, for If-Match", schema = @Schema(type = SchemaType.STRING)), @Header(name = "Location", description = "Where the created record is read", schema = @Schema(type = SchemaType.STRING, format = "uri-reference"))}, content = {@Content(mediaType = "application/json", schema = @Schema(implementation = ItemView.class))})
    public Response create(ItemInput input) {
        if (input == null) {
            throw ProblemException.invalid("body", "a JSON body is required");
        }
        Stored<ItemData> s = service.create(input);
        return Response.created(URI.create("/api/v1/items/" + s.data().id())).entity(ItemView.of(s))
                .tag(new EntityTag(Integer.toString(s.version()))).build();
    }

    @PUT
    @Path("/{id}")
    @RolesAllowed(Role.ADMIN)
    @Operation(operationId = "updateItem", summary = "Change or retire (active=false) an item; the previous version is kept")
    @APIResponse(responseCode = "200", description = "The item", headers = {@Header(name = "ETag", description = "The version, for If-Match", schema = @Schema(type = SchemaType.STRING))}, content = {@Content(mediaType = "application/json", schema = @Schema(implementation = ItemView.class))})
    public Response update(@PathParam("id") long id, ItemInput input, @HeaderParam("If-Match") String ifMatch) {
        if (input == null) {
            throw ProblemException.invalid("body", "a JSON body is required");
        }
        Stored<ItemData> s = service.update(id, input, Listing.expectedVersion(ifMatch));
        return Response.ok(ItemView.of(s)).tag(new EntityTag(Integer.toString(s.version()))).build();
    }

    @GET
    @Path("/{id}/history")
    @RolesAllowed({Role.OPERATOR, Role.CITY, Role.AUDITOR, Role.ADMIN})
    @Operation(operationId = "getItemHistory", summary = "Every version of an item")
    public Page<VersionRecord> history(@PathParam("id") long id, @QueryParam("limit") Integer limit, @QueryParam("after") String after) {
        service.get(id);
        return Page.slice(history.versions(RegistryEntity.ITEM, Long.toString(id)), limit, after, v -> Integer.toString(v.version()));
    }
}
