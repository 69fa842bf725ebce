package cn.doublerandom.publication.credit;

import cn.doublerandom.platform.Page;
import cn.doublerandom.registry.tabular.TableWriter;
import cn.doublerandom.security.Role;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.StreamingOutput;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.headers.Header;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import java.util.List;

/**
 * Export to the national enterprise credit publicity system (国家企业信用信息公示系统): batches of
 * published results in the columns of its 抽查检查结果信息, each result in exactly one batch.
 */
@Path("/api/v1/credit-exports")
@Tag(name = "Publication")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed({Role.OPERATOR, Role.CITY, Role.AUDITOR})
public class CreditExportResource {

    static final String XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

    @Inject
    CreditExportService service;

    /** Which bureau's published results to export. */
    public record RunRequest(String authority) {
    }

    /** The answer when every published version was already exported. */
    public record NothingExported(int exported) {
    }

    @POST
    @RolesAllowed({Role.OPERATOR, Role.CITY})
    @Operation(operationId = "runCreditExport", summary = "Export every published result version of the authority that no batch carries yet, as a new batch "
            + "(201); when every published version was already exported, 200 with exported 0 and no batch. Two runs, or two "
            + "replicas at once, never put a result in two batches")
    @APIResponse(responseCode = "200", description = "Nothing new to export; no batch", content = @Content(mediaType = "application/json",
            schema = @Schema(implementation = NothingExported.class)))
    @APIResponse(responseCode = "201", description = "The new batch", headers = {@Header(name = "Location", description = "Where the created record is read", schema = @Schema(type = SchemaType.STRING, format = "uri-reference"))},
            content = @Content(mediaType = "application/json", schema = @Schema(implementation = CreditExportBatch.class)))
    public Response run(RunRequest request) {
        CreditExportBatch batch = service.run(request == null ? null : request.authority());
        if (batch == null) {
            return Response.ok(new NothingExported(0)).build();
        }
        return Response.status(Response.Status.CREATED).entity(batch)
                .location(java.net.URI.create("/api/v1/credit-exports/" + batch.id())).build();
    }

    @GET
    @Operation(operationId = "listCreditExports", summary = "The authority's export batches, newest first, without their rows")
    public Page<CreditExportBatch> list(@QueryParam("authority") String authority, @QueryParam("limit") Integer limit, @QueryParam("after") String after) {
        return service.batches(authority, limit, after);
    }

    @GET
    @Path("/{id}")
    @Operation(operationId = "getCreditExport", summary = "One batch with its rows: 序号, 统一社会信用代码, 企业名称, 检查实施机关, 检查类型, 检查日期, 检查结果, "
            + "and the result id, version and correction reason (a corrected result is sent again as its new version)")
    public CreditExportBatch get(@PathParam("id") String id) {
        return service.get(id);
    }

    @GET
    @Path("/{id}/file")
    @Produces({XLSX, "text/csv"})
    @Operation(operationId = "getCreditExportFile", summary = "One batch as the national system's import table: format=xlsx (default) or csv (UTF-8)")
    @APIResponse(responseCode = "200", description = "The import table", content = {
            @Content(mediaType = XLSX, schema = @Schema(type = SchemaType.STRING, format = "binary")),
            @Content(mediaType = "text/csv", schema = @Schema(type = SchemaType.STRING))})
    public Response file(@PathParam("id") String id, @QueryParam("format") String format) {
        boolean csv = "csv".equals(format);
        if (format != null && !csv && !"xlsx".equals(format)) {
            throw cn.doublerandom.platform.problem.ProblemException.invalid("format", "format is xlsx or csv");
        }
        CreditExportBatch batch = service.get(id);
        List<List<String>> rows = CreditExportService.table(batch);
        StreamingOutput body = out -> {
            if (csv) {
                TableWriter.writeCsv(CreditExportService.COLUMNS, rows, out);
            } else {
                TableWriter.writeXlsx("抽查检查结果信息", CreditExportService.COLUMNS, rows, out);
            }
        };
        return Response.ok(body, csv ? "text/csv; charset=UTF-8" : XLSX)
                .header("Content-Disposition", "attachment; filename=\"" + batch.id() + (csv ? ".csv\"" : ".xlsx\"")).build();
    }
}
