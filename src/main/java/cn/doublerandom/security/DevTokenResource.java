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
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.net.SocketAddress;
import org.eclipse.microprofile.openapi.annotations.Operation;

import java.util.List;

/**
 * {@code GET /dev/tokens/{role}-{region}} mints a demo user's token, e.g. {@code operator-130123},
 * {@code city-130100}, {@code auditor-ALL}, {@code admin-130100}. Only in the dev, test and demo
 * profiles; 404 elsewhere. Only for a caller on this machine: the demo listens on every interface,
 * and anyone on the LAN must not mint themselves an admin token.
 */
@Path("/dev/tokens")
@PermitAll
public class DevTokenResource {

    private static final List<String> ROLES = List.of(Role.OPERATOR, Role.CITY, Role.AUDITOR, Role.ADMIN);

    @Inject
    SecurityConfig config;

    @Inject
    RegionDirectory regions;

    @GET
    @Path("/{user}")
    @Produces(MediaType.TEXT_PLAIN)
    @Operation(hidden = true)
    public String mint(@PathParam("user") String user, @Context HttpServerRequest request) {
        if (!config.devTokens()) {
            throw ProblemException.notFound("no such resource");
        }
        SocketAddress peer = request.remoteAddress();
        if (peer == null || !isLoopback(peer.hostAddress())) {
            throw new ProblemException(ProblemType.FORBIDDEN, "demo tokens are minted only for requests from this machine (loopback)");
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

    /** 127.0.0.0/8, ::1 and the IPv4-mapped 127.x; a literal address only, never a name to resolve. */
    static boolean isLoopback(String address) {
        if (address == null) {
            return false;
        }
        String a = address.startsWith("[") && address.endsWith("]") ? address.substring(1, address.length() - 1) : address;
        if (a.startsWith("::ffff:")) {
            a = a.substring("::ffff:".length());
        }
        if (a.matches("127\\.\\d{1,3}\\.\\d{1,3}\\.\\d{1,3}")) {
            return true;
        }
        return a.equals("::1") || a.equals("0:0:0:0:0:0:0:1");
    }
}
