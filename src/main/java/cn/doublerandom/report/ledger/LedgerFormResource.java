package cn.doublerandom.report.ledger;

import cn.doublerandom.region.Region;
import cn.doublerandom.registry.importing.Spreadsheets;
import cn.doublerandom.registry.tabular.TableWriter;
import cn.doublerandom.report.ReportRegions;
import cn.doublerandom.security.Role;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import java.util.List;
import java.util.function.BiFunction;

/**
 * The "全企体检" forms (seed 004) as a county files them: 入企检查登记表 (附件3) and 入企检查问题台账
 * (附件4), as .xlsx (default) or .csv, for a region's bureaus and a month, a date range or a campaign.
 * An operator reads its own county, a city its own checks and its counties', an auditor its subtree.
 */
@Path("/api/v1/ledger-forms")
@Tag(name = "Reports")
@RolesAllowed({Role.OPERATOR, Role.CITY, Role.AUDITOR})
@Produces({Spreadsheets.XLSX, Spreadsheets.CSV})
public class LedgerFormResource {

    /** The query both forms take: whose checks, when, and in which file format. */
    public static class FormQuery {
        @QueryParam("region")
        @Parameter(description = "a region code (default the caller's own): a county, or a city with its counties")
        public String region;

        @QueryParam("month")
        @Parameter(description = "the month of the inspection dates, e.g. 2026-05 (or give from and to, or campaign)")
        public String month;

        @QueryParam("from")
        @Parameter(description = "first inspection date of a date range, e.g. 2026-10-01 (with to)")
        public String from;

        @QueryParam("to")
        @Parameter(description = "last inspection date of a date range, e.g. 2026-10-31 (with from)")
        public String to;

        @QueryParam("campaign")
        @Parameter(description = "a campaign: the checks of the region's executed directed draws whose filter carries every "
                + "tag given, ';'-separated, e.g. industry=化学原料和化学制品制造业 or class=KEY (tags: class, industry, monitoring, "
                + "pollutant, township); from and to narrow it")
        public String campaign;

        @QueryParam("format")
        @Parameter(description = "xlsx (default) or csv", schema = @Schema(type = SchemaType.STRING, enumeration = {"xlsx", "csv"}))
        public String format;
    }

    @Inject
    ReportRegions regions;

    @Inject
    LedgerForms forms;

    @GET
    @Path("/registration")
    @Operation(operationId = "getRegistrationForm", summary = "入企检查登记表 (seed 004, 附件3): one row per check (random and targeted), "
            + "its eleven fields in the seed's order")
    @APIResponse(responseCode = "200", description = "The form", content = {
            @Content(mediaType = Spreadsheets.XLSX, schema = @Schema(type = SchemaType.STRING, format = "binary")),
            @Content(mediaType = Spreadsheets.CSV, schema = @Schema(type = SchemaType.STRING))})
    public Response registration(@BeanParam FormQuery query) {
        return respond("入企检查登记表", query, forms::registration);
    }

    @GET
    @Path("/problems")
    @Operation(operationId = "getProblemLedger", summary = "入企检查问题台账 (seed 004, 附件4): one row per problem found (a check without "
            + "one: a row saying 未发现问题), its nineteen columns in the seed's order; 序号, 经度 and 纬度 are numbers")
    @APIResponse(responseCode = "200", description = "The form", content = {
            @Content(mediaType = Spreadsheets.XLSX, schema = @Schema(type = SchemaType.STRING, format = "binary")),
            @Content(mediaType = Spreadsheets.CSV, schema = @Schema(type = SchemaType.STRING))})
    public Response problems(@BeanParam FormQuery query) {
        return respond("入企检查问题台账", query, forms::problems);
    }

    private Response respond(String name, FormQuery q, BiFunction<LedgerScope, ReportRegions, LedgerForms.Form> fill) {
        String f = Spreadsheets.format(q.format);
        Region r = regions.require(q.region);
        LedgerScope scope = LedgerScope.of(r, q.month, q.from, q.to, q.campaign);
        LedgerForms.Form form = fill.apply(scope, regions);
        String file = name + "-" + r.code() + "-" + scope.label();
        Response response = Spreadsheets.download(f, file, Spreadsheets.streaming(out -> {
            if (f.equals("csv")) {
                TableWriter.writeCsv(form.header(), form.rows(), out);
            } else {
                TableWriter.writeXlsx(List.of(new TableWriter.Sheet(name, form.header(), form.rows())), out);
            }
        }));
        // forms hold bureau data and change with every record
        return Response.fromResponse(response).header("Cache-Control", "no-store").build();
    }
}
