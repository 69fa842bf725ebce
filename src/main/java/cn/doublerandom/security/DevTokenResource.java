package cn.doublerandom.security;

import cn.doublerandom.platform.problem.ProblemException;
import cn.doublerandom.platform.problem.ProblemType;
import cn.doublerandom.region.RegionDirectory;
import jakarta.annotation.security.PermitAll;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.eclipse.microprofile.openapi.annotations.Operation;

import java.util.List;

/**
 * {@code GET /dev/tokens/{role}-{region}} mints a demo user's token, e.g. {@code operator-130123},
 * {@code city-130100}, {@code auditor-ALL}, {@code admin-130100}. Only in the dev, test and demo
 * profiles; 404 elsewhere.
 */
@Path("/dev/tokens")
@PermitAll
public class DevTokenResource {

    private static final List<String> ROLES = List.of(Role.OPERATOR, Role.CITY, Role.AUDITOR, Role.ADMIN);

    @ConfigProperty(name = "doublerandom.security.dev-tokens")
    boolean enabled;

    @Inject
    RegionDirectory regions;

    @GET
    @Path("/{user}")
    @Produces(MediaType.TEXT_PLAIN)
    @Operation(hidden = true)
    public String mint(@PathParam("user") String user) {
        if (!enabled) {
            throw ProblemException.notFound("no such resource");
        }
        int dash = user.lastIndexOf('-');
        String role = dash < 0 ? "" : user.substring(0, dash);
        String region = dash < 0 ? "" : user.substring(dash + 1);
        if (!ROLES.contains(role)) {
            throw new ProblemException(ProblemType.VALIDATION_FAILED, "user must be <role>-<region>, role one of " + ROLES);
        }
        if (!(Role.AUDITOR.equals(role) && Caller.ALL_REGIONS.equals(region))) {
            regions.require("region", region);
        }
        return DevTokens.mint(user, role, region);
    }
}
