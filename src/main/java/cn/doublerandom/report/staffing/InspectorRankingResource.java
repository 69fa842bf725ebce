package cn.doublerandom.report.staffing;

import cn.doublerandom.platform.ServiceClock;
import cn.doublerandom.region.Region;
import cn.doublerandom.registry.importing.Spreadsheets;
import cn.doublerandom.report.ReportRegions;
import cn.doublerandom.report.render.ReportFormat;
import cn.doublerandom.report.render.ReportResponses;
import cn.doublerandom.security.Role;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** Seed 003's staffing figures: the top inspectors by inspections and the certified share per bureau. */
@Path("/api/v1/reports/inspector-ranking")
@Tag(name = "Reports")
@RolesAllowed({Role.OPERATOR, Role.CITY, Role.AUDITOR})
@Produces({MediaType.APPLICATION_JSON, Spreadsheets.XLSX, Spreadsheets.CSV, MediaType.TEXT_HTML, "image/svg+xml"})
public class InspectorRankingResource {

    @Inject
    ReportRegions regions;

    @Inject
    ReportResponses responses;

    @Inject
    ServiceClock clock;

    @Inject
    InspectorRankingReport report;

    @GET
    @Operation(operationId = "getInspectorRankingReport", summary = "Seed 003: the 50 inspectors with the most inspections in a period "
            + "(ties share a rank) and the certified share (持证率) of each bureau's enforcement staff")
    @APIResponse(responseCode = "200", description = "The report", content = {
            @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = InspectorRankingView.class)),
            @Content(mediaType = Spreadsheets.XLSX, schema = @Schema(type = SchemaType.STRING, format = "binary")),
            @Content(mediaType = Spreadsheets.CSV, schema = @Schema(type = SchemaType.STRING)),
            @Content(mediaType = MediaType.TEXT_HTML, schema = @Schema(type = SchemaType.STRING)),
            @Content(mediaType = "image/svg+xml", schema = @Schema(type = SchemaType.STRING))})
    public Response get(@Parameter(description = "a region code (default the caller's own): county, city or province") @QueryParam("region") String region,
                        @Parameter(description = "a year (2026), quarter (2026Q4) or month (2026-05); default this year") @QueryParam("period") String period,
                        @Parameter(description = "json (default), xlsx, csv, html or svg (a chart named by table)",
                                schema = @Schema(type = SchemaType.STRING, enumeration = {"json", "xlsx", "csv", "html", "svg"})) @QueryParam("format") String format,
                        @Parameter(description = "csv: ranking (default) or certified; svg: the chart certifiedShare") @QueryParam("table") String table) {
        ReportFormat f = ReportFormat.parse(format);
        ReportPeriod p = ReportPeriod.parse(period, clock.today());
        Region r = regions.require(region);
        return responses.respond(f, table, report.compute(r, p, regions), InspectorRankingDocument::of);
    }
}
