package cn.doublerandom.report.render;

import cn.doublerandom.platform.ServiceClock;
import cn.doublerandom.platform.problem.ProblemException;
import cn.doublerandom.registry.importing.Spreadsheets;
import cn.doublerandom.registry.tabular.TableWriter;
import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.function.Function;

/**
 * Answers a computed report in the format asked for: its JSON view; its tables as .xlsx (one sheet
 * each) or one of them as .csv (UTF-8 with BOM, as Excel on Chinese Windows reads it); or its HTML
 * page (Qute, Chinese, inline SVG charts, no script: the page's Content-Security-Policy forbids any).
 * Reports are never cached: they hold bureau data and change with every record.
 */
@ApplicationScoped
public class ReportResponses {

    public static final String HTML = "text/html;charset=UTF-8";
    public static final String SVG = "image/svg+xml;charset=UTF-8";
    static final String CSP = "default-src 'none'; style-src 'unsafe-inline'; img-src 'self'; base-uri 'none'; "
            + "form-action 'none'; frame-ancestors 'none'";
    private static final DateTimeFormatter STAMP = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");

    @CheckedTemplate(basePath = "reports")
    static class Templates {
        static native TemplateInstance page(ReportDocument doc, String generated);
    }

    @Inject
    ServiceClock clock;

    @Inject
    cn.doublerandom.authority.AuthorityDirectory authorities;

    /**
     * @param table    for csv: the name of the table to write (default the first); refused for other formats
     * @param document builds the tables and charts from the view, only when a table format or the page is asked for
     */
    public <V> Response respond(ReportFormat format, String table, V view, Function<V, ReportDocument> document) {
        return respond(format, table, null, view, document);
    }

    /**
     * @param region the region whose bureau files the report: its official name is the xlsx's 制表单位
     */
    public <V> Response respond(ReportFormat format, String table, String region, V view, Function<V, ReportDocument> document) {
        if (format == ReportFormat.SVG) {
            return chart(table, document.apply(view));
        }
        if (table != null && format != ReportFormat.CSV) {
            throw ProblemException.invalid("table", "table chooses the table of a csv download; xlsx holds every table as a sheet");
        }
        if (format == ReportFormat.JSON) {
            return Response.ok(view, MediaType.APPLICATION_JSON).header("Cache-Control", "no-store").build();
        }
        ReportDocument doc = document.apply(view);
        return switch (format) {
            case XLSX -> {
                String issuer = region == null ? "" : authorities.nameOf(region);
                java.time.LocalDate today = clock.today();
                String date = today.getYear() + "年" + today.getMonthValue() + "月" + today.getDayOfMonth() + "日";
                yield download("xlsx", doc, Spreadsheets.streaming(out -> ReportWorkbook.write(doc, issuer, date, out)));
            }
            case CSV -> {
                ReportTable chosen = choose(doc, table);
                yield download("csv", doc, Spreadsheets.streaming(out -> TableWriter.writeCsv(chosen.header(), chosen.rows(), out)));
            }
            case HTML -> Response.ok(Templates.page(doc, LocalDateTime.ofInstant(clock.now(), clock.businessZone()).format(STAMP))
                            .render(), HTML)
                    .header("Cache-Control", "no-store").header("Content-Security-Policy", CSP)
                    .header("X-Content-Type-Options", "nosniff").header("Referrer-Policy", "same-origin").build();
            default -> throw new IllegalStateException(format.name());
        };
    }

    /** One chart of the report, named by {@code table} (its id), as a standalone SVG with its own styles. */
    private static Response chart(String id, ReportDocument doc) {
        List<String> ids = doc.charts().stream().map(BarChart::id).toList();
        if (id == null || !ids.contains(id)) {
            throw ProblemException.invalid("table", ids.isEmpty() ? "this report has no chart"
                    : "for svg, table names the chart: one of " + ids);
        }
        BarChart c = doc.charts().get(ids.indexOf(id)).titled(doc.title() + "：" + doc.charts().get(ids.indexOf(id)).title());
        return Response.ok("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n" + c.svg(), SVG).header("Cache-Control", "no-store")
                .header("Content-Security-Policy", "default-src 'none'; style-src 'unsafe-inline'")
                .header("X-Content-Type-Options", "nosniff").build();
    }

    private static Response download(String format, ReportDocument doc, jakarta.ws.rs.core.StreamingOutput body) {
        Response r = Spreadsheets.download(format, doc.fileName(), body);
        return Response.fromResponse(r).header("Cache-Control", "no-store").build();
    }

    private static ReportTable choose(ReportDocument doc, String name) {
        if (name == null) {
            return doc.tables().get(0);
        }
        for (ReportTable t : doc.tables()) {
            if (t.name().equals(name)) {
                return t;
            }
        }
        List<String> names = doc.tables().stream().map(ReportTable::name).toList();
        throw ProblemException.invalid("table", "table must be one of " + names);
    }

    /** Excel's sheet names: at most 31 characters, none of []:*?/\ . */
    static String sheetName(String caption) {
        String s = caption.replaceAll("[\\[\\]:*?/\\\\]", "·");
        return s.length() > 31 ? s.substring(0, 31) : s;
    }
}
