package cn.doublerandom.report;

import cn.doublerandom.calendar.QuarterParameter;
import cn.doublerandom.calendar.Quarter;
import cn.doublerandom.platform.ServiceClock;
import cn.doublerandom.platform.problem.ProblemException;
import cn.doublerandom.platform.Page;
import cn.doublerandom.region.Region;
import cn.doublerandom.registry.history.RegistryEntity;
import cn.doublerandom.registry.importing.Spreadsheets;
import cn.doublerandom.report.accountability.AccountabilityDocument;
import cn.doublerandom.report.accountability.AccountabilityService;
import cn.doublerandom.report.accountability.AccountabilityView;
import cn.doublerandom.report.activity.ActivityDocument;
import cn.doublerandom.report.activity.ActivityReport;
import cn.doublerandom.report.activity.ActivityView;
import cn.doublerandom.report.assessment.AssessmentDocument;
import cn.doublerandom.report.assessment.AssessmentReport;
import cn.doublerandom.report.assessment.AssessmentView;
import cn.doublerandom.report.compliance.ComplianceDocument;
import cn.doublerandom.report.compliance.ComplianceReport;
import cn.doublerandom.report.compliance.ComplianceView;
import cn.doublerandom.report.monthly.MonthlyDocument;
import cn.doublerandom.report.monthly.MonthlyReport;
import cn.doublerandom.report.monthly.MonthlyView;
import cn.doublerandom.report.monthly.QuarterlyDocument;
import cn.doublerandom.report.monthly.QuarterlyReport;
import cn.doublerandom.report.monthly.QuarterlyView;
import cn.doublerandom.report.changes.RegistryChangeDocument;
import cn.doublerandom.report.changes.RegistryChangePage;
import cn.doublerandom.report.changes.RegistryChangeReport;
import cn.doublerandom.report.changes.RegistryChangeView;
import cn.doublerandom.report.staffing.InspectorRankingDocument;
import cn.doublerandom.report.staffing.InspectorRankingReport;
import cn.doublerandom.report.staffing.InspectorRankingView;
import cn.doublerandom.report.staffing.ReportPeriod;
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

import java.time.YearMonth;
import java.time.format.DateTimeParseException;

/**
 * The oversight reports, computed by the database from the records the service holds.
 * Every report takes {@code region} (default: the caller's own; an operator reads its county, a city
 * its counties, an auditor its subtree) and {@code format}: json (default), xlsx (every table as a
 * sheet), csv (one table, chosen with {@code table}) or html (the page for the city, with a chart per
 * figure).
 */
@Path("/api/v1/reports")
@Tag(name = "Reports")
@RolesAllowed({Role.OPERATOR, Role.CITY, Role.AUDITOR})
@Produces({MediaType.APPLICATION_JSON, Spreadsheets.XLSX, Spreadsheets.CSV, MediaType.TEXT_HTML, "image/svg+xml"})
public class ReportResource {

    static final String FORMAT = "json (default), xlsx, csv, html, or svg (one chart as a standalone SVG, named by table)";
    static final String TABLE = "csv: which table (default the first); svg: which chart (its id, as the page's figure chart-<id>); "
            + "the xlsx download holds every table";
    static final String REGION = "a region code (default the caller's own): county, city or province";

    @Inject
    ReportRegions regions;

    @Inject
    ReportResponses responses;

    @Inject
    ServiceClock clock;

    @Inject
    ComplianceReport compliance;

    @Inject
    AssessmentReport assessment;

    @Inject
    MonthlyReport monthly;

    @Inject
    QuarterlyReport quarterly;

    @Inject
    ActivityReport activity;

    @Inject
    AccountabilityService accountability;

    @Inject
    RegistryChangeReport registryChanges;

    @Inject
    InspectorRankingReport inspectorRanking;

    @GET
    @Path("/compliance")
    @Operation(operationId = "getComplianceReport", summary = "Quota compliance per bureau and quarter: required (from each draw's plan), drawn, inspected, "
            + "recorded, published on time, late, overdue per class; the general class against its yearly 1:10; gaps flagged")
    @APIResponse(responseCode = "200", description = "The report", content = {
            @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = ComplianceView.class)),
            @Content(mediaType = Spreadsheets.XLSX, schema = @Schema(type = SchemaType.STRING, format = "binary")),
            @Content(mediaType = Spreadsheets.CSV, schema = @Schema(type = SchemaType.STRING)),
            @Content(mediaType = MediaType.TEXT_HTML, schema = @Schema(type = SchemaType.STRING))})
    public Response compliance(@Parameter(description = REGION) @QueryParam("region") String region,
                               @Parameter(description = "e.g. 2026Q2 (default: this quarter)") @QueryParam("quarter") String quarter,
                               @Parameter(description = FORMAT, schema = @Schema(type = SchemaType.STRING, enumeration = {"json", "xlsx", "csv", "html"}))
                               @QueryParam("format") String format,
                               @Parameter(description = TABLE) @QueryParam("table") String table) {
        ReportFormat f = ReportFormat.parse(format);
        Region r = regions.require(region);
        return responses.respond(f, table, r.code(), compliance.compute(r, quarter(quarter), regions), ComplianceDocument::of);
    }

    @GET
    @Path("/assessment")
    @Operation(operationId = "getAssessmentReport", summary = "The city's assessment per quarter and county (seed 000): checks, problems and rate, violations and "
            + "rate, non-site share, positive-list targets checked on site, results published on time; total and ranks")
    @APIResponse(responseCode = "200", description = "The report", content = {
            @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = AssessmentView.class)),
            @Content(mediaType = Spreadsheets.XLSX, schema = @Schema(type = SchemaType.STRING, format = "binary")),
            @Content(mediaType = Spreadsheets.CSV, schema = @Schema(type = SchemaType.STRING)),
            @Content(mediaType = MediaType.TEXT_HTML, schema = @Schema(type = SchemaType.STRING))})
    public Response assessment(@Parameter(description = REGION) @QueryParam("region") String region,
                               @Parameter(description = "e.g. 2026Q2 (default: this quarter)") @QueryParam("quarter") String quarter,
                               @Parameter(description = FORMAT, schema = @Schema(type = SchemaType.STRING, enumeration = {"json", "xlsx", "csv", "html"}))
                               @QueryParam("format") String format,
                               @Parameter(description = TABLE) @QueryParam("table") String table) {
        ReportFormat f = ReportFormat.parse(format);
        Region r = regions.require(region);
        return responses.respond(f, table, r.code(), assessment.compute(r, quarter(quarter), regions), AssessmentDocument::of);
    }

    @GET
    @Path("/monthly")
    @Operation(operationId = "getMonthlyReport", summary = "The monthly detail table of a month's random inspections per bureau (due by the 8th), "
            + "with items, team, method, result, publication date and public link")
    @APIResponse(responseCode = "200", description = "The report", content = {
            @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = MonthlyView.class)),
            @Content(mediaType = Spreadsheets.XLSX, schema = @Schema(type = SchemaType.STRING, format = "binary")),
            @Content(mediaType = Spreadsheets.CSV, schema = @Schema(type = SchemaType.STRING)),
            @Content(mediaType = MediaType.TEXT_HTML, schema = @Schema(type = SchemaType.STRING))})
    public Response monthly(@Parameter(description = REGION) @QueryParam("region") String region,
                            @Parameter(description = "e.g. 2026-05 (default: last month)") @QueryParam("month") String month,
                            @Parameter(description = FORMAT, schema = @Schema(type = SchemaType.STRING, enumeration = {"json", "xlsx", "csv", "html"}))
                            @QueryParam("format") String format,
                            @Parameter(description = TABLE) @QueryParam("table") String table) {
        ReportFormat f = ReportFormat.parse(format);
        Region r = regions.require(region);
        return responses.respond(f, table, r.code(), monthly.compute(r, month(month), regions), MonthlyDocument::of);
    }

    @GET
    @Path("/quarterly")
    @Operation(operationId = "getQuarterlyReport", summary = "The quarterly implementation summary per bureau: compliance, checks random and targeted apart, "
            + "results, problem types and handling")
    @APIResponse(responseCode = "200", description = "The report", content = {
            @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = QuarterlyView.class)),
            @Content(mediaType = Spreadsheets.XLSX, schema = @Schema(type = SchemaType.STRING, format = "binary")),
            @Content(mediaType = Spreadsheets.CSV, schema = @Schema(type = SchemaType.STRING)),
            @Content(mediaType = MediaType.TEXT_HTML, schema = @Schema(type = SchemaType.STRING))})
    public Response quarterly(@Parameter(description = REGION) @QueryParam("region") String region,
                              @Parameter(description = "e.g. 2026Q2 (default: this quarter)") @QueryParam("quarter") String quarter,
                              @Parameter(description = FORMAT, schema = @Schema(type = SchemaType.STRING, enumeration = {"json", "xlsx", "csv", "html"}))
                              @QueryParam("format") String format,
                              @Parameter(description = TABLE) @QueryParam("table") String table) {
        ReportFormat f = ReportFormat.parse(format);
        Region r = regions.require(region);
        return responses.respond(f, table, r.code(), quarterly.compute(r, quarter(quarter), regions), QuarterlyDocument::of);
    }

    @GET
    @Path("/activity")
    @Operation(operationId = "getActivityReport", summary = "Inspector activity of a month (seed 003): records per certified on-post inspector (at least 2) "
            + "and the activity rate (at least 90 %) per bureau; inspectors below are listed")
    @APIResponse(responseCode = "200", description = "The report", content = {
            @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = ActivityView.class)),
            @Content(mediaType = Spreadsheets.XLSX, schema = @Schema(type = SchemaType.STRING, format = "binary")),
            @Content(mediaType = Spreadsheets.CSV, schema = @Schema(type = SchemaType.STRING)),
            @Content(mediaType = MediaType.TEXT_HTML, schema = @Schema(type = SchemaType.STRING))})
    public Response activity(@Parameter(description = REGION) @QueryParam("region") String region,
                             @Parameter(description = "e.g. 2026-05 (default: last month)") @QueryParam("month") String month,
                             @Parameter(description = FORMAT, schema = @Schema(type = SchemaType.STRING, enumeration = {"json", "xlsx", "csv", "html"}))
                             @QueryParam("format") String format,
                             @Parameter(description = TABLE) @QueryParam("table") String table) {
        ReportFormat f = ReportFormat.parse(format);
        Region r = regions.require(region);
        return responses.respond(f, table, r.code(), activity.compute(r, month(month), regions), ActivityDocument::of);
    }

    @GET
    @Path("/accountability")
    @Operation(operationId = "getAccountabilityReport", summary = "Accountability of a year (seed 004): judged misses with the earlier team, firms per inspector "
            + "with the consequence by thresholds, and the pairs awaiting a judgement")
    @APIResponse(responseCode = "200", description = "The report", content = {
            @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = AccountabilityView.class)),
            @Content(mediaType = Spreadsheets.XLSX, schema = @Schema(type = SchemaType.STRING, format = "binary")),
            @Content(mediaType = Spreadsheets.CSV, schema = @Schema(type = SchemaType.STRING)),
            @Content(mediaType = MediaType.TEXT_HTML, schema = @Schema(type = SchemaType.STRING))})
    public Response accountability(@Parameter(description = REGION) @QueryParam("region") String region,
                                   @Parameter(description = "e.g. 2026 (default: this year)") @QueryParam("year") String year,
                                   @Parameter(description = FORMAT, schema = @Schema(type = SchemaType.STRING, enumeration = {"json", "xlsx", "csv", "html"}))
                                   @QueryParam("format") String format,
                                   @Parameter(description = TABLE) @QueryParam("table") String table) {
        ReportFormat f = ReportFormat.parse(format);
        Region r = regions.require(region);
        return responses.respond(f, table, r.code(), accountability.report(r, year(year), regions), AccountabilityDocument::of);
    }

    @GET
    @Path("/registry-changes")
    @Operation(operationId = "getRegistryChangeReport", summary = "Inspectors and targets added, changed or retired in a quarter per bureau "
            + "(seed 001: reported by the 18th of March, June, September and December), with the due date")
    @APIResponse(responseCode = "200", description = "The report", content = {
            @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = RegistryChangeView.class)),
            @Content(mediaType = Spreadsheets.XLSX, schema = @Schema(type = SchemaType.STRING, format = "binary")),
            @Content(mediaType = Spreadsheets.CSV, schema = @Schema(type = SchemaType.STRING)),
            @Content(mediaType = MediaType.TEXT_HTML, schema = @Schema(type = SchemaType.STRING)),
            @Content(mediaType = "image/svg+xml", schema = @Schema(type = SchemaType.STRING))})
    public Response registryChanges(@Parameter(description = REGION) @QueryParam("region") String region,
                                    @Parameter(description = "e.g. 2026Q4 (default: this quarter)") @QueryParam("quarter") String quarter,
                                    @Parameter(description = "json (default), xlsx, csv, html or svg (a chart named by table)",
                                            schema = @Schema(type = SchemaType.STRING, enumeration = {"json", "xlsx", "csv", "html", "svg"}))
                                    @QueryParam("format") String format,
                                    @Parameter(description = "csv only: summary (default), inspectors or targets") @QueryParam("table") String table) {
        ReportFormat f = ReportFormat.parse(format);
        Quarter q = quarter(quarter);
        Region r = regions.require(region);
        return responses.respond(f, table, r.code(), registryChanges.compute(r, q, regions), RegistryChangeDocument::of);
    }

    @GET
    @Path("/registry-changes/inspectors")
    @Produces(MediaType.APPLICATION_JSON)
    @APIResponse(responseCode = "200", description = "One page of the list", content = @Content(mediaType = MediaType.APPLICATION_JSON,
            schema = @Schema(implementation = RegistryChangePage.class)))
    @Operation(operationId = "listRegistryChangeInspectors", summary = "Every inspector added, changed or retired in a quarter, by pages, in the "
            + "registry-change report's order (unit, then added, changed, retired, then code); total counts them all")
    public Page<RegistryChangeView.Row> registryChangeInspectors(@Parameter(description = REGION) @QueryParam("region") String region,
                                                                @Parameter(description = "e.g. 2026Q4 (default: this quarter)") @QueryParam("quarter") String quarter,
                                                                @QueryParam("limit") Integer limit, @QueryParam("after") String after) {
        Quarter q = quarter(quarter);
        return registryChanges.page(regions.require(region), q, regions, RegistryEntity.INSPECTOR, limit, after);
    }

    @GET
    @Path("/registry-changes/targets")
    @Produces(MediaType.APPLICATION_JSON)
    @APIResponse(responseCode = "200", description = "One page of the list", content = @Content(mediaType = MediaType.APPLICATION_JSON,
            schema = @Schema(implementation = RegistryChangePage.class)))
    @Operation(operationId = "listRegistryChangeTargets", summary = "Every target added, changed or retired in a quarter (events included), by pages, "
            + "in the registry-change report's order (unit, then added, changed, retired, then USCC); total counts them all")
    public Page<RegistryChangeView.Row> registryChangeTargets(@Parameter(description = REGION) @QueryParam("region") String region,
                                                             @Parameter(description = "e.g. 2026Q4 (default: this quarter)") @QueryParam("quarter") String quarter,
                                                             @QueryParam("limit") Integer limit, @QueryParam("after") String after) {
        Quarter q = quarter(quarter);
        return registryChanges.page(regions.require(region), q, regions, RegistryEntity.TARGET, limit, after);
    }

    @GET
    @Path("/inspector-ranking")
    @Operation(operationId = "getInspectorRankingReport", summary = "Seed 003: the 50 inspectors with the most inspections in a period "
            + "(ties share a rank) and the certified share (持证率) of each bureau's enforcement staff")
    @APIResponse(responseCode = "200", description = "The report", content = {
            @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = InspectorRankingView.class)),
            @Content(mediaType = Spreadsheets.XLSX, schema = @Schema(type = SchemaType.STRING, format = "binary")),
            @Content(mediaType = Spreadsheets.CSV, schema = @Schema(type = SchemaType.STRING)),
            @Content(mediaType = MediaType.TEXT_HTML, schema = @Schema(type = SchemaType.STRING)),
            @Content(mediaType = "image/svg+xml", schema = @Schema(type = SchemaType.STRING))})
    public Response inspectorRanking(@Parameter(description = REGION) @QueryParam("region") String region,
                                     @Parameter(description = "a year (2026), quarter (2026Q4) or month (2026-05); default this year")
                                     @QueryParam("period") String period,
                                     @Parameter(description = "json (default), xlsx, csv, html or svg (a chart named by table)",
                                             schema = @Schema(type = SchemaType.STRING, enumeration = {"json", "xlsx", "csv", "html", "svg"}))
                                     @QueryParam("format") String format,
                                     @Parameter(description = "csv: ranking (default) or certified; svg: the chart certifiedShare")
                                     @QueryParam("table") String table) {
        ReportFormat f = ReportFormat.parse(format);
        ReportPeriod p = ReportPeriod.parse(period, clock.today());
        Region r = regions.require(region);
        return responses.respond(f, table, r.code(), inspectorRanking.compute(r, p, regions), InspectorRankingDocument::of);
    }

    private Quarter quarter(String text) {
        return QuarterParameter.orQuarterOf(text, clock.today());
    }

    private YearMonth month(String text) {
        if (text == null || text.isBlank()) {
            return YearMonth.from(clock.today()).minusMonths(1);
        }
        try {
            YearMonth m = YearMonth.parse(text);
            if (m.getYear() < 2000 || m.getYear() > 2100) {
                throw ProblemException.invalid("month", "month must be between 2000-01 and 2100-12");
            }
            return m;
        } catch (DateTimeParseException e) {
            throw ProblemException.invalid("month", "month must look like 2026-05, got '" + text + "'");
        }
    }

    private int year(String text) {
        if (text == null || text.isBlank()) {
            return clock.today().getYear();
        }
        if (!text.matches("\\d{4}") || Integer.parseInt(text) < 2000 || Integer.parseInt(text) > 2100) {
            throw ProblemException.invalid("year", "year must be from 2000 to 2100, got '" + text + "'");
        }
        return Integer.parseInt(text);
    }
}
