package cn.doublerandom.policy;

import cn.doublerandom.platform.Page;
import cn.doublerandom.platform.Listing;
import cn.doublerandom.platform.problem.ProblemException;
import cn.doublerandom.region.RegionDirectory;
import cn.doublerandom.registry.history.RegistryEntity;
import cn.doublerandom.registry.history.RegistryHistory;
import cn.doublerandom.registry.history.Stored;
import cn.doublerandom.registry.history.VersionRecord;
import cn.doublerandom.security.Role;
import com.fasterxml.jackson.annotation.JsonUnwrapped;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
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
import java.time.Instant;
import java.util.List;

/** Quota policies (抽查比例) per region and year: data, edited by administrators, with history. */
@Path("/api/v1/policies")
@Tag(name = "Policies")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed({Role.OPERATOR, Role.CITY, Role.AUDITOR, Role.ADMIN})
public class PolicyResource {

    @Inject
    PolicyService service;

    @Inject
    RegionDirectory regions;

    @Inject
    RegistryHistory history;

    /** A policy with its version. */
    public record PolicyView(@JsonUnwrapped PolicyData data, int version, Instant updatedAt, String updatedBy) {
        static PolicyView of(Stored<PolicyData> s) {
            return new PolicyView(s.data(), s.version(), s.updatedAt(), s.updatedBy());
        }
    }

    @GET
    @Operation(operationId = "listPolicies", summary = "The policies a region has set, by year")
    public Page<PolicyView> list(@QueryParam("region") String region, @QueryParam("limit") Integer limit, @QueryParam("after") String after) {
        if (region == null) {
            throw ProblemException.invalid("region", "region is required, e.g. 130100");
        }
        return Page.slice(service.list(regions.require("region", region).code()).stream().map(PolicyView::of).toList(), limit, after,
                v -> Integer.toString(v.data().year()));
    }

    @GET
    @Path("/effective")
    @Operation(operationId = "getEffectivePolicy", summary = "The policy in force for an authority and year: its own, else its city's, else its province's")
    public PolicyView effective(@QueryParam("authority") String authority, @QueryParam("year") Integer year) {
        regions.require("authority", authority);
        if (year == null) {
            throw ProblemException.invalid("year", "year is required");
        }
        return service.effective(authority, year).map(PolicyView::of)
                .orElseThrow(() -> ProblemException.notFound("no policy for " + authority + " or above it for " + year));
    }

    @GET
    @Path("/{region}/{year}")
    @Operation(operationId = "getPolicy", summary = "The policy a region set for a year")
    @APIResponse(responseCode = "200", description = "The policy", headers = {@Header(name = "ETag", description = "The version, for If-Match", schema = @Schema(type = SchemaType.STRING))}, content = {@Content(mediaType = "application/json", schema = @Schema(implementation = PolicyView.class))})
    public Response get(@PathParam("region") String region, @PathParam("year") int year) {
        Stored<PolicyData> s = service.find(regions.require("region", region).code(), year)
                .orElseThrow(() -> ProblemException.notFound("no policy of " + region + " for " + year));
        return Response.ok(PolicyView.of(s)).tag(new EntityTag(Integer.toString(s.version()))).build();
    }

    @PUT
    @Path("/{region}/{year}")
    @RolesAllowed(Role.ADMIN)
    @Operation(operationId = "putPolicy", summary = "Set a region's policy for a year; omitted values take the Shijiazhuang plan's defaults")
    @APIResponse(responseCode = "200", description = "The policy, changed or unchanged", headers = {@Header(name = "ETag", description = "The version, for If-Match", schema = @Schema(type = SchemaType.STRING))}, content = {@Content(mediaType = "application/json", schema = @Schema(implementation = PolicyView.class))})
    @APIResponse(responseCode = "201", description = "The policy, created", headers = {@Header(name = "ETag", description = "The version, for If-Match", schema = @Schema(type = SchemaType.STRING)), @Header(name = "Location", description = "Where the created record is read", schema = @Schema(type = SchemaType.STRING, format = "uri-reference"))}, content = {@Content(mediaType = "application/json", schema = @Schema(implementation = PolicyView.class))})
    public Response put(@PathParam("region") String region, @PathParam("year") int year, PolicyInput input,
                        @HeaderParam("If-Match") String ifMatch) {
        if (input == null) {
            throw ProblemException.invalid("body", "a JSON body is required");
        }
        var outcome = service.put(region, year, input, Listing.expectedVersion(ifMatch));
        Stored<PolicyData> s = outcome.written().isEmpty() ? service.find(region, year).orElseThrow() : outcome.written().get(0);
        Response.ResponseBuilder answer = outcome.created() == 1
                ? Response.created(URI.create("/api/v1/policies/" + s.data().regionCode() + "/" + year)) : Response.ok();
        return answer.entity(PolicyView.of(s)).tag(new EntityTag(Integer.toString(s.version()))).build();
    }

    @GET
    @Path("/{region}/{year}/history")
    @Operation(operationId = "getPolicyHistory", summary = "Every version of a policy")
    public Page<VersionRecord> history(@PathParam("region") String region, @PathParam("year") int year, @QueryParam("limit") Integer limit, @QueryParam("after") String after) {
        if (year < 2000 || year > 2100) {
            // an impossible year is bad input, not a policy without versions
            throw ProblemException.invalid("year", "year must be between 2000 and 2100");
        }
        return Page.slice(history.versions(RegistryEntity.POLICY, regions.require("region", region).code() + "/" + year), limit, after, v -> Integer.toString(v.version()));
    }
}
