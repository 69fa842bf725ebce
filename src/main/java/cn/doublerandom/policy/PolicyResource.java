package cn.doublerandom.policy;

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
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

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
    @Operation(summary = "The policies a region has set, by year")
    public List<PolicyView> list(@QueryParam("region") String region) {
        if (region == null) {
            throw ProblemException.invalid("region", "region is required, e.g. 130100");
        }
        return service.list(regions.require("region", region).code()).stream().map(PolicyView::of).toList();
    }

    @GET
    @Path("/effective")
    @Operation(summary = "The policy in force for an authority and year: its own, else its city's, else its province's")
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
    @Operation(summary = "The policy a region set for a year")
    public Response get(@PathParam("region") String region, @PathParam("year") int year) {
        Stored<PolicyData> s = service.find(regions.require("region", region).code(), year)
                .orElseThrow(() -> ProblemException.notFound("no policy of " + region + " for " + year));
        return Response.ok(PolicyView.of(s)).tag(new EntityTag(Integer.toString(s.version()))).build();
    }

    @PUT
    @Path("/{region}/{year}")
    @RolesAllowed(Role.ADMIN)
    @Operation(summary = "Set a region's policy for a year; omitted values take the Shijiazhuang plan's defaults")
    public Response put(@PathParam("region") String region, @PathParam("year") int year, PolicyInput input,
                        @HeaderParam("If-Match") String ifMatch) {
        if (input == null) {
            throw ProblemException.invalid("body", "a JSON body is required");
        }
        var outcome = service.put(region, year, input, Listing.expectedVersion(ifMatch));
        Stored<PolicyData> s = outcome.written().isEmpty() ? service.find(region, year).orElseThrow() : outcome.written().get(0);
        return Response.status(outcome.created() == 1 ? Response.Status.CREATED : Response.Status.OK)
                .entity(PolicyView.of(s)).tag(new EntityTag(Integer.toString(s.version()))).build();
    }

    @GET
    @Path("/{region}/{year}/history")
    @Operation(summary = "Every version of a policy")
    public List<VersionRecord> history(@PathParam("region") String region, @PathParam("year") int year) {
        if (year < 2000 || year > 2100) {
            // an impossible year is bad input, not a policy without versions
            throw ProblemException.invalid("year", "year must be between 2000 and 2100");
        }
        return history.versions(RegistryEntity.POLICY, regions.require("region", region).code() + "/" + year);
    }
}
