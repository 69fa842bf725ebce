package cn.doublerandom.registry.target;

import cn.doublerandom.calendar.QuarterParameter;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import cn.doublerandom.platform.request.DateParameters;
import cn.doublerandom.registry.history.Stored;
import cn.doublerandom.platform.Listing;
import cn.doublerandom.platform.Page;
import cn.doublerandom.platform.problem.ProblemException;
import cn.doublerandom.region.RegionDirectory;
import cn.doublerandom.registry.FieldRules;
import cn.doublerandom.registry.history.RegistryEntity;
import cn.doublerandom.registry.importing.ImportReport;
import cn.doublerandom.registry.importing.RegistryImporter;
import cn.doublerandom.registry.importing.Spreadsheets;
import cn.doublerandom.registry.history.RegistryHistory;
import cn.doublerandom.registry.history.VersionRecord;
import cn.doublerandom.security.RegionScope;
import cn.doublerandom.security.Role;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
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
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import java.net.URI;
import java.util.List;

/** 检查对象名录库: the target registry of a bureau. */
@Path("/api/v1/targets")
@Tag(name = "Targets")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed({Role.OPERATOR, Role.CITY, Role.AUDITOR})
public class TargetResource {

    @Inject
    TargetService service;

    @Inject
    TargetStore store;

    @Inject
    TargetEventService events;

    @Inject
    TargetLeadService leads;

    @Inject
    MethodApprovalService approvals;

    @Inject
    RegistryHistory history;

    @Inject
    RegionScope scope;

    @Inject
    RegionDirectory regions;

    @Inject
    RegistryImporter importer;

    @Inject
    TargetSheet sheet;

    @GET
    @Operation(operationId = "listTargets", summary = "List targets of a region (a city includes its counties), in USCC order, by pages")
    public Page<TargetView> list(@QueryParam("region") String region, @QueryParam("q") String q,
                                 @QueryParam("after") String after, @QueryParam("limit") Integer limit) {
        String root = region == null ? scope.home() : regions.require("region", region).code();
        scope.requireRead(root);
        int n = Listing.limit(limit);
        String query = Listing.query(q);
        String cursor = Listing.cursor(after);
        List<TargetView> rows = store.page(regions.subtreePrefix(root), query, cursor, n + 1).stream().map(TargetView::of).toList();
        return Page.of(rows, n, v -> v.data().uscc());
    }

    @POST
    @Path("/import")
    @Consumes({Spreadsheets.XLSX, Spreadsheets.CSV, MediaType.APPLICATION_OCTET_STREAM})
    @RolesAllowed({Role.OPERATOR, Role.CITY})
    @Operation(operationId = "importTargets", summary = "Import targets from .xlsx or .csv (UTF-8 or GBK): all or nothing, upsert by USCC")
    public ImportReport importFile(byte[] body, @HeaderParam("Content-Type") String contentType,
                                   @QueryParam("filename") String filename, @QueryParam("dryRun") boolean dryRun) {
        return importer.importFile(sheet, body, filename, contentType, dryRun, service::preview, rows -> service.apply(rows, true,
                "import" + (filename == null ? "" : " of " + FieldRules.abbreviate(filename))));
    }

    @GET
    @Path("/export")
    @Produces({Spreadsheets.XLSX, Spreadsheets.CSV, MediaType.APPLICATION_JSON})
    @Operation(operationId = "exportTargets", summary = "Export the targets of a region as .xlsx or .csv, in the columns import reads")
    @APIResponse(responseCode = "200", description = "The targets as a spreadsheet", content = {@Content(mediaType = Spreadsheets.XLSX, schema = @Schema(type = SchemaType.STRING, format = "binary")), @Content(mediaType = Spreadsheets.CSV, schema = @Schema(type = SchemaType.STRING))})
    public Response export(@QueryParam("region") String region,
                           @Parameter(schema = @Schema(type = SchemaType.STRING, enumeration = {"xlsx", "csv"}, defaultValue = "xlsx"))
                           @QueryParam("format") String format) {
        return importer.download(sheet, region, format, (prefix, sink) -> store.forEach(prefix, t -> sink.accept(t.data())));
    }

    @GET
    @Path("/{uscc}")
    @Operation(operationId = "getTarget", summary = "One target, now or as it stood at the end of a date (asOf, Asia/Shanghai)")
    @APIResponse(responseCode = "200", description = "The target", headers = {@Header(name = "ETag", description = "The version, for If-Match", schema = @Schema(type = SchemaType.STRING))}, content = {@Content(mediaType = "application/json", schema = @Schema(implementation = TargetView.class))})
    public Response get(@PathParam("uscc") String uscc, @Parameter(schema = @Schema(type = SchemaType.STRING, format = "date")) @QueryParam("asOf") String asOf) {
        Stored<TargetData> t = service.get(uscc, DateParameters.date("asOf", asOf));
        return Response.ok(TargetView.of(t)).tag(new EntityTag(Integer.toString(t.version()))).build();
    }

    @PUT
    @RolesAllowed({Role.OPERATOR, Role.CITY})
    @Path("/{uscc}")
    @Operation(operationId = "putTarget", summary = "Create or update a target by USCC; the previous version is kept in its history")
    @APIResponse(responseCode = "200", description = "The target, changed or unchanged", headers = {@Header(name = "ETag", description = "The version, for If-Match", schema = @Schema(type = SchemaType.STRING))}, content = {@Content(mediaType = "application/json", schema = @Schema(implementation = TargetView.class))})
    @APIResponse(responseCode = "201", description = "The target, created", headers = {@Header(name = "ETag", description = "The version, for If-Match", schema = @Schema(type = SchemaType.STRING)), @Header(name = "Location", description = "Where the created record is read", schema = @Schema(type = SchemaType.STRING, format = "uri-reference"))}, content = {@Content(mediaType = "application/json", schema = @Schema(implementation = TargetView.class))})
    public Response put(@PathParam("uscc") String uscc, TargetInput input, @HeaderParam("If-Match") String ifMatch) {
        if (input == null) {
            throw ProblemException.invalid("body", "a JSON body is required");
        }
        var outcome = service.put(uscc, input, Listing.expectedVersion(ifMatch));
        Stored<TargetData> t = outcome.written().isEmpty() ? service.get(uscc, null) : outcome.written().get(0);
        Response.ResponseBuilder answer = outcome.created() == 1
                ? Response.created(URI.create("/api/v1/targets/" + t.data().uscc())) : Response.ok();
        return answer.entity(TargetView.of(t)).tag(new EntityTag(Integer.toString(t.version()))).build();
    }

    @GET
    @Path("/{uscc}/history")
    @Operation(operationId = "getTargetHistory", summary = "Every version of a target: who changed what, when and why")
    public Page<VersionRecord> history(@PathParam("uscc") String uscc, @QueryParam("limit") Integer limit, @QueryParam("after") String after) {
        service.get(uscc, null);
        return Page.slice(history.versions(RegistryEntity.TARGET, uscc), limit, after, v -> Integer.toString(v.version()));
    }

    @GET
    @Path("/{uscc}/class")
    @Operation(operationId = "getSupervisionClass", summary = "The supervision class (key, special, general) of a target for a quarter, with reasons")
    public SupervisionClassifier.Classification supervisionClass(@PathParam("uscc") String uscc,
                                                                 @QueryParam("quarter") String quarter) {
        return events.classify(uscc, QuarterParameter.parse(quarter));
    }

    @GET
    @Path("/{uscc}/events")
    @Operation(operationId = "listTargetEvents", summary = "Penalties, verified complaints and supervised listings of a target")
    public Page<TargetEvent> events(@PathParam("uscc") String uscc, @QueryParam("limit") Integer limit, @QueryParam("after") String after) {
        return Page.slice(events.list(uscc), limit, after, e -> Long.toString(e.id()));
    }

    @POST
    @RolesAllowed({Role.OPERATOR, Role.CITY})
    @Path("/{uscc}/events")
    @Operation(operationId = "addTargetEvent", summary = "Record a penalty, verified complaint or supervised listing")
    @APIResponse(responseCode = "201", description = "The recorded event", headers = {@Header(name = "Location", description = "Where the created record is read", schema = @Schema(type = SchemaType.STRING, format = "uri-reference"))}, content = {@Content(mediaType = "application/json", schema = @Schema(implementation = TargetEvent.class))})
    public Response addEvent(@PathParam("uscc") String uscc, TargetEventInput input) {
        if (input == null) {
            throw ProblemException.invalid("body", "a JSON body is required");
        }
        TargetEvent event = events.record(uscc, input);
        // Events are read as the target's list; there is no address for one event alone.
        return Response.created(URI.create("/api/v1/targets/" + event.uscc() + "/events")).entity(event).build();
    }

    @GET
    @Path("/{uscc}/leads")
    @Operation(operationId = "listTargetLeads", summary = "Leads (问题线索) recorded on a target, open or closed; an open one sends a drawn target's visit on site, unannounced")
    public Page<TargetLead> leads(@PathParam("uscc") String uscc, @QueryParam("limit") Integer limit, @QueryParam("after") String after) {
        return Page.slice(leads.list(uscc), limit, after, l -> Long.toString(l.id()));
    }

    @POST
    @RolesAllowed({Role.OPERATOR, Role.CITY})
    @Path("/{uscc}/leads")
    @Operation(operationId = "addTargetLead", summary = "Record a lead: a complaint, a leader's assignment, a transfer, an incident, a nuclear safety matter or a data-analysis lead")
    @APIResponse(responseCode = "201", description = "The recorded lead", headers = {@Header(name = "Location", description = "Where the created record is read", schema = @Schema(type = SchemaType.STRING, format = "uri-reference"))}, content = {@Content(mediaType = "application/json", schema = @Schema(implementation = TargetLead.class))})
    public Response addLead(@PathParam("uscc") String uscc, TargetLeadInput input) {
        if (input == null) {
            throw ProblemException.invalid("body", "a JSON body is required");
        }
        TargetLead lead = leads.record(uscc, input);
        // Leads are read as the target's list; there is no address for one lead alone.
        return Response.created(URI.create("/api/v1/targets/" + lead.uscc() + "/leads")).entity(lead).build();
    }

    /** When and why a lead was closed (办结). */
    public record LeadClosureInput(java.time.LocalDate closedOn, String reason) {
    }

    @POST
    @RolesAllowed({Role.OPERATOR, Role.CITY})
    @Path("/{uscc}/leads/{id}/closure")
    @Operation(operationId = "closeTargetLead", summary = "Close a lead, once, with the day and the reason; it stays visible")
    public TargetLead closeLead(@PathParam("uscc") String uscc, @PathParam("id") long id, LeadClosureInput input) {
        if (input == null) {
            throw ProblemException.invalid("body", "a JSON body is required");
        }
        return leads.close(uscc, id, input.closedOn(), input.reason());
    }

    @GET
    @Path("/{uscc}/method-approvals")
    @Operation(operationId = "listMethodApprovals", summary = "The bureau's approvals of another method (书面检查, a qualified third party) for a target, valid or withdrawn, the latest first")
    public Page<MethodApproval> methodApprovals(@PathParam("uscc") String uscc, @QueryParam("limit") Integer limit,
                                                @QueryParam("after") String after) {
        return Page.slice(approvals.list(uscc), limit, after, a -> Long.toString(a.id()));
    }

    @POST
    @RolesAllowed({Role.OPERATOR, Role.CITY})
    @Path("/{uscc}/method-approvals")
    @Operation(operationId = "approveMethod", summary = "Record the bureau's approval of 书面检查 or a qualified third party for a target (one item or all) over some days; the caller's bureau approves, and its draws plan that method for the approved items unless a lead is open or the non-site facilities are incomplete")
    @APIResponse(responseCode = "201", description = "The recorded approval", headers = {@Header(name = "Location", description = "Where the created record is read", schema = @Schema(type = SchemaType.STRING, format = "uri-reference"))}, content = {@Content(mediaType = "application/json", schema = @Schema(implementation = MethodApproval.class))})
    public Response approveMethod(@PathParam("uscc") String uscc, MethodApprovalInput input) {
        if (input == null) {
            throw ProblemException.invalid("body", "a JSON body is required");
        }
        MethodApproval approval = approvals.record(uscc, input);
        // Approvals are read as the target's list; there is no address for one approval alone.
        return Response.created(URI.create("/api/v1/targets/" + approval.uscc() + "/method-approvals")).entity(approval).build();
    }

    /** Why an approval is withdrawn. */
    @Schema(name = "MethodApprovalWithdrawalInput")
    public record WithdrawalInput(String reason) {
    }

    @POST
    @RolesAllowed({Role.OPERATOR, Role.CITY})
    @Path("/{uscc}/method-approvals/{id}/withdrawal")
    @Operation(operationId = "withdrawMethodApproval", summary = "Withdraw an approval from today on, once, with the reason; only the approving bureau may, and the approval stays visible")
    public MethodApproval withdrawApproval(@PathParam("uscc") String uscc, @PathParam("id") long id, WithdrawalInput input) {
        if (input == null) {
            throw ProblemException.invalid("body", "a JSON body is required");
        }
        return approvals.withdraw(uscc, id, input.reason());
    }

    /** Why an event is retracted. */
    public record RetractionInput(String reason) {
    }

    @POST
    @RolesAllowed({Role.OPERATOR, Role.CITY})
    @Path("/{uscc}/events/{id}/retraction")
    @Operation(operationId = "retractTargetEvent", summary = "Retract a mistaken event; it stays visible with the reason")
    public TargetEvent retract(@PathParam("uscc") String uscc, @PathParam("id") long id, RetractionInput input) {
        return events.retract(uscc, id, input == null ? null : input.reason());
    }
}
