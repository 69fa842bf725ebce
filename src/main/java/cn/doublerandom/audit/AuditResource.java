package cn.doublerandom.audit;

import org.eclipse.microprofile.openapi.annotations.media.Schema;
import cn.doublerandom.platform.request.DateParameters;
import cn.doublerandom.platform.Listing;
import cn.doublerandom.platform.Page;
import cn.doublerandom.platform.problem.ProblemException;
import cn.doublerandom.region.RegionDirectory;
import cn.doublerandom.security.Caller;
import cn.doublerandom.security.RegionScope;
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

import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;

/** The audit trail for auditors, newest first, filtered and paged. */
@Path("/api/v1/audit")
@Tag(name = "Audit")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed(Role.AUDITOR)
public class AuditResource {

    @Inject
    AuditStore store;

    @Inject
    RegionScope scope;

    @Inject
    RegionDirectory regions;

    /** One audited write. */
    public record AuditEvent(long id, Instant at, String actor,
                             @Schema(enumeration = {Role.OPERATOR, Role.CITY, Role.AUDITOR, Role.ADMIN}) String role, String region, String action, String entity,
                             String entityId, String entityRegion, String detail, String requestId) {
    }

    @GET
    @Operation(operationId = "listAuditEvents", summary = "Audited writes in a region subtree (default: the auditor's), newest first; filter by entity, id, actor, time")
    public Page<AuditEvent> list(@QueryParam("region") String region, @QueryParam("entity") String entity,
                                 @QueryParam("entityId") String entityId, @QueryParam("actor") String actor,
                                 @QueryParam("from") String from, @QueryParam("to") String to,
                                 @QueryParam("after") String after, @QueryParam("limit") Integer limit) {
        String root = region == null ? scope.home() : region;
        if (!Caller.ALL_REGIONS.equals(root)) {
            root = regions.require("region", root).code();
            scope.requireRead(root);
        } else if (!Caller.ALL_REGIONS.equals(scope.home())) {
            throw scope.refused("read", root);
        }
        int n = Listing.limit(limit);
        String entityText = text("entity", entity);
        String entityIdText = text("entityId", entityId);
        String actorText = text("actor", actor);
        Timestamp fromAt = instant("from", from);
        Timestamp toAt = instant("to", to);
        Long before = null;
        String cursor = Listing.cursor(after);
        if (cursor != null) {
            try {
                before = Long.parseLong(cursor);
            } catch (NumberFormatException e) {
                throw ProblemException.invalid("after", "after must be the 'next' value of the previous page");
            }
        }
        List<AuditEvent> rows = store.list(Caller.ALL_REGIONS.equals(root) ? null : regions.subtreePrefix(root) + "%",
                entityText, entityIdText, actorText, fromAt, toAt, before, n + 1);
        return Page.of(rows, n, e -> Long.toString(e.id()));
    }

    private static String text(String field, String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        if (value.length() > 100 || cn.doublerandom.platform.request.TextRules.badCharacter(value) != null) {
            throw ProblemException.invalid(field, field + " must be at most 100 plain characters");
        }
        return value;
    }

    private static Timestamp instant(String field, String value) {
        Instant at = DateParameters.instant(field, value);
        return at == null ? null : Timestamp.from(at);
    }
}
