package cn.doublerandom.registry.inspector;

import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import cn.doublerandom.platform.request.DateParameters;
import cn.doublerandom.platform.Listing;
import cn.doublerandom.platform.Page;
import cn.doublerandom.platform.problem.ProblemException;
import cn.doublerandom.region.RegionDirectory;
import cn.doublerandom.registry.FieldRules;
import cn.doublerandom.registry.history.RegistryEntity;
import cn.doublerandom.registry.history.RegistryHistory;
import cn.doublerandom.registry.history.Stored;
import cn.doublerandom.registry.history.VersionRecord;
import cn.doublerandom.registry.importing.ImportReport;
import cn.doublerandom.registry.importing.RegistryImporter;
import cn.doublerandom.registry.importing.Spreadsheets;
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

/** 检查人员名录库: the inspector registry of a bureau. */
@Path("/api/v1/inspectors")
@Tag(name = "Inspectors")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed({Role.OPERATOR, Role.CITY, Role.AUDITOR})
public class InspectorResource {

    @Inject
    InspectorService service;

    @Inject
    InspectorStore store;

    @Inject
    RegistryHistory history;

    @Inject
    RegionScope scope;

    @Inject
    RegionDirectory regions;

    @Inject
    RegistryImporter importer;

    @Inject
    InspectorSheet sheet;

    @GET
    @Operation(operationId = "listInspectors", summary = "List inspectors of a region (a city includes its counties), in code order, by pages")
    public Page<InspectorView> list(@QueryParam("region") String region, @QueryParam("after") String after,
                                    @QueryParam("limit") Integer limit) {
        String root = region == null ? scope.home() : regions.require("region", region).code();
        scope.requireRead(root);
        int n = Listing.limit(limit);
        List<InspectorView> rows = store.page(regions.subtreePrefix(root), Listing.cursor(after), n + 1).stream()
                .map(InspectorView::of).toList();
        return Page.of(rows, n, v -> v.data().code());
    }

    @POST
    @Path("/import")
    @Consumes({Spreadsheets.XLSX, Spreadsheets.CSV, MediaType.APPLICATION_OCTET_STREAM})
    @RolesAllowed({Role.OPERATOR, Role.CITY})
    @Operation(operationId = "importInspectors", summary = "Import inspectors from .xlsx or .csv (UTF-8 or GBK): all or nothing, upsert by code")
    public ImportReport importFile(byte[] body, @HeaderParam("Content-Type") String contentType,
                                   @QueryParam("filename") String filename, @QueryParam("dryRun") boolean dryRun) {
        return importer.importFile(sheet, body, filename, contentType, dryRun, service::preview, rows -> service.apply(rows, true,
                "import" + (filename == null ? "" : " of " + FieldRules.abbreviate(filename))));
    }

    @GET
    @Path("/export")
    @Produces({Spreadsheets.XLSX, Spreadsheets.CSV, MediaType.APPLICATION_JSON})
    @Operation(operationId = "exportInspectors", summary = "Export the inspectors of a region as .xlsx or .csv, in the columns import reads")
    @APIResponse(responseCode = "200", description = "The inspectors as a spreadsheet", content = {@Content(mediaType = Spreadsheets.XLSX, schema = @Schema(type = SchemaType.STRING, format = "binary")), @Content(mediaType = Spreadsheets.CSV, schema = @Schema(type = SchemaType.STRING))})
    public Response export(@QueryParam("region") String region,
                           @Parameter(schema = @Schema(type = SchemaType.STRING, enumeration = {"xlsx", "csv"}, defaultValue = "xlsx"))
                           @QueryParam("format") String format) {
        return importer.download(sheet, region, format, (prefix, sink) -> store.forEach(prefix, i -> sink.accept(i.data())));
    }

    @GET
    @Path("/{code}")
    @Operation(operationId = "getInspector", summary = "One inspector, now or as at the end of a date (asOf)")
    @APIResponse(responseCode = "200", description = "The inspector", headers = {@Header(name = "ETag", description = "The version, for If-Match", schema = @Schema(type = SchemaType.STRING))}, content = {@Content(mediaType = "application/json", schema = @Schema(implementation = InspectorView.class))})
    public Response get(@PathParam("code") String code, @Parameter(schema = @Schema(type = SchemaType.STRING, format = "date")) @QueryParam("asOf") String asOf) {
        Stored<InspectorData> s = service.get(code, DateParameters.date("asOf", asOf));
        return Response.ok(InspectorView.of(s)).tag(new EntityTag(Integer.toString(s.version()))).build();
    }

    @PUT
    @RolesAllowed({Role.OPERATOR, Role.CITY})
    @Path("/{code}")
    @Operation(operationId = "putInspector", summary = "Create or update an inspector by code; the previous version is kept in its history")
    @APIResponse(responseCode = "200", description = "The inspector, changed or unchanged", headers = {@Header(name = "ETag", description = "The version, for If-Match", schema = @Schema(type = SchemaType.STRING))}, content = {@Content(mediaType = "application/json", schema = @Schema(implementation = InspectorView.class))})
    @APIResponse(responseCode = "201", description = "The inspector, created", headers = {@Header(name = "ETag", description = "The version, for If-Match", schema = @Schema(type = SchemaType.STRING)), @Header(name = "Location", description = "Where the created record is read", schema = @Schema(type = SchemaType.STRING, format = "uri-reference"))}, content = {@Content(mediaType = "application/json", schema = @Schema(implementation = InspectorView.class))})
    public Response put(@PathParam("code") String code, InspectorInput input, @HeaderParam("If-Match") String ifMatch) {
        if (input == null) {
            throw ProblemException.invalid("body", "a JSON body is required");
        }
        var outcome = service.put(code, input, Listing.expectedVersion(ifMatch));
        Stored<InspectorData> s = outcome.written().isEmpty() ? service.get(code, null) : outcome.written().get(0);
        Response.ResponseBuilder answer = outcome.created() == 1
                ? Response.created(URI.create("/api/v1/inspectors/" + s.data().code())) : Response.ok();
        return answer.entity(InspectorView.of(s)).tag(new EntityTag(Integer.toString(s.version()))).build();
    }

    @GET
    @Path("/{code}/history")
    @Operation(operationId = "getInspectorHistory", summary = "Every version of an inspector: who changed what, when and why")
    public Page<VersionRecord> history(@PathParam("code") String code, @QueryParam("limit") Integer limit, @QueryParam("after") String after) {
        service.get(code, null);
        return Page.slice(history.versions(RegistryEntity.INSPECTOR, code), limit, after, v -> Integer.toString(v.version()));
    }
}
