package cn.doublerandom.draw.ledger;

import cn.doublerandom.draw.DrawAudit;
import cn.doublerandom.security.Role;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** The draw ledger for auditors. */
@Path("/api/v1/ledger")
@Tag(name = "Ledger")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed(Role.AUDITOR)
public class LedgerResource {

    @Inject
    DrawAudit audit;

    @GET
    @Path("/verify")
    @Operation(operationId = "verifyLedger", summary = "Walk the whole hash chain and report the first broken link, if any, and every draw whose served facts differ from its records")
    public DrawAudit.LedgerVerification verify() {
        return audit.verifyLedger();
    }
}
