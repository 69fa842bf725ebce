package cn.doublerandom.publication;

import cn.doublerandom.platform.Page;
import cn.doublerandom.security.Role;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import java.util.List;

/** The 20-working-day window as a bureau watches it. */
@Path("/api/v1/publication")
@Tag(name = "Publication")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed({Role.OPERATOR, Role.CITY, Role.AUDITOR})
public class PublicationResource {

    @Inject
    PublicationService service;

    @GET
    @Path("/due")
    @Operation(operationId = "listPublicationsDue", summary = "Unpublished results of an authority (a city includes its counties) that are overdue, due within "
            + "3 working days, or whose deadline is pending because the calendar lacks a year")
    public Page<PublicationService.Due> due(@QueryParam("authority") String authority, @QueryParam("limit") Integer limit, @QueryParam("after") String after) {
        return service.due(authority, limit, after);
    }
}
