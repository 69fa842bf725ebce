package cn.doublerandom.report.changes;

import cn.doublerandom.calendar.Quarter;
import cn.doublerandom.calendar.QuarterParameter;
import cn.doublerandom.platform.ServiceClock;
import cn.doublerandom.platform.problem.ProblemException;
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

/** The registry-change report (due on the 18th of each quarter's last month), in the formats of the other reports. */
@Path("/api/v1/reports/registry-changes")
@Tag(name = "Reports")
@RolesAllowed({Role.OPERATOR, Role.CITY, Role.AUDITOR})
@Produces({MediaType.APPLICATION_JSON, Spreadsheets.XLSX, Spreadsheets.CSV, MediaType.TEXT_HTML, "image/svg+xml"})
public class RegistryChangeResource {

    @Inject
    ReportRegions regions;

    @Inject
    ReportResponses responses;

    @Inject
    ServiceClock clock;

    @Inject
    RegistryChangeReport report;

    @GET
    @Operation(operationId = "getRegistryChangeReport", summary = "Inspectors and targets added, changed or retired in a quarter per bureau "
            + "(seed 001: reported by the 18th of March, June, September and December), with the due date")
    @APIResponse(responseCode = "200", description = "The report", content = {
            @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = RegistryChangeView.class)),
            @Content(mediaType = Spreadsheets.XLSX, schema = @Schema(type = SchemaType.STRING, format = "binary")),
            @Content(mediaType = Spreadsheets.CSV, schema = @Schema(type = SchemaType.STRING)),
            @Content(mediaType = MediaType.TEXT_HTML, schema = @Schema(type = SchemaType.STRING)),
            @Content(mediaType = "image/svg+xml", schema = @Schema(type = SchemaType.STRING))})
    public Response get(@Parameter(description = "a region code (default the caller's own): county, city or province") @QueryParam("region") String region,
                        @Parameter(description = "e.g. 2026Q4 (default: this quarter)") @QueryParam("quarter") String quarter,
                        @Parameter(description = "json (default), xlsx, csv, html or svg (a chart named by table)",
                                schema = @Schema(type = SchemaType.STRING, enumeration = {"json", "xlsx", "csv", "html", "svg"})) @QueryParam("format") String format,
                        @Parameter(description = "csv only: summary (default), inspectors or targets") @QueryParam("table") String table) {
        ReportFormat f = ReportFormat.parse(format);
        Quarter q = quarter(quarter);
        Region r = regions.require(region);
        return responses.respond(f, table, report.compute(r, q, regions), RegistryChangeDocument::of);
    }

    private Quarter quarter(String text) {
        Quarter q = text == null || text.isBlank() ? Quarter.of(clock.today()) : QuarterParameter.parse(text);
        if (q.year() < 2000 || q.year() > 2100) {
            throw ProblemException.invalid("quarter", "quarter must be from 2000Q1 to 2100Q4, got '" + text + "'");
        }
        return q;
    }
}
