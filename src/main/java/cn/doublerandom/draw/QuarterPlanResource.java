package cn.doublerandom.draw;

import cn.doublerandom.security.Role;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * An authority's quarter against its plan: the class quotas across the quarter's draws, each division's
 * draws and the internal joint inspections. An operator reads its own authority, a city its counties, an
 * auditor its subtree.
 */
@Path("/api/v1/plans")
@Tag(name = "Draws")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed({Role.OPERATOR, Role.CITY, Role.AUDITOR})
public class QuarterPlanResource {

    @Inject
    QuarterPlanService service;

    @GET
    @Path("/{authority}/{quarter}")
    @Operation(operationId = "getQuarterPlan", summary = "An authority's quarter: per class the requirement, what its undirected draws selected and what remains; per division its draws; internal joint inspections against the plan's minimum")
    public QuarterPlanView get(@PathParam("authority") String authority, @PathParam("quarter") String quarter) {
        return service.plan(authority, quarter);
    }
}
