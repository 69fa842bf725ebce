package cn.doublerandom.portal;

import cn.doublerandom.platform.request.DateParameters;
import cn.doublerandom.calendar.Quarter;
import cn.doublerandom.item.ItemData;
import cn.doublerandom.item.ItemService;
import cn.doublerandom.registry.Labelled;
import cn.doublerandom.platform.Page;
import cn.doublerandom.platform.ServiceClock;
import cn.doublerandom.platform.problem.ProblemException;
import cn.doublerandom.platform.problem.ProblemType;
import cn.doublerandom.region.Region;
import cn.doublerandom.region.RegionDirectory;
import cn.doublerandom.platform.request.TextRules;
import cn.doublerandom.registry.FieldRules;
import cn.doublerandom.registry.history.Stored;
import cn.doublerandom.registry.target.Uscc;
import cn.doublerandom.transparency.log.LogProofs;
import cn.doublerandom.wording.WordingCatalog;
import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import jakarta.annotation.security.PermitAll;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.Operation;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.DateTimeException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Supplier;
import java.util.stream.Collectors;

/**
 * The public portal as server-rendered pages in Chinese (一公开): search the published results, a
 * result with its versions and draw, a public draw with what it takes to verify it, the item list,
 * and how to verify a draw offline. No scripts, except the browser verifier (its own script, from
 * this site only); every value is escaped by Qute; not in the API contract. Same data and queries
 * as {@code /public/v1}.
 */
@Path("/")
@Produces(MediaType.TEXT_HTML)
@PermitAll
public class PortalPages {

    static final String HTML = "text/html;charset=UTF-8";
    static final String CITY = "130100";
    static final int PAGE_SIZE = 20;
    /** No script may run, whatever a page contains; only inline styles and forms to this site. */
    static final String CSP = "default-src 'none'; style-src 'unsafe-inline'; img-src 'self'; form-action 'self'; "
            + "base-uri 'none'; frame-ancestors 'none'";
    /** The verifier page: the same, plus this site's own script and its fetches to this site. */
    static final String VERIFIER_CSP = CSP.replace("default-src 'none';", "default-src 'none'; script-src 'self'; connect-src 'self';");

    @CheckedTemplate(basePath = "portal")
    static class Templates {
        static native TemplateInstance index(SearchForm form, List<Option> regions, List<Option> quarters,
                                             List<Option> wordings, List<PublicResult> results, String firstUrl,
                                             String nextUrl, PortalService.Total total, long start, String error);

        static native TemplateInstance result(PublicResult current, List<PublicResult> versions, boolean drawPublic,
                                              DrawProof proof);

        static native TemplateInstance draw(PublicDraw draw, DrawProof proof);

        static native TemplateInstance items(String region, String regionName, List<Option> regions, List<ItemRow> items,
                                             String error);

        static native TemplateInstance verify();

        static native TemplateInstance verifier(String drawId, String error);

        static native TemplateInstance error(String message);
    }

    /** What the search form was filled with, as typed (to fill it again). */
    public record SearchForm(String region, String quarter, String from, String to, String result, String q) {
    }

    /** A select option. */
    public record Option(String value, String text) {
    }

    /** An item of the public item list, as text. */
    public record ItemRow(String seqNo, String name, String subItem, String category, String targetType, String level,
                          String legalBasis, String content, String methods, String joint, String divisions,
                          String objectKinds, String readingNote) {
    }

    /**
     * The inclusion proofs of a draw's ledger records against the log's latest checkpoint, as the
     * result and draw pages show them; {@code pending} are records the checkpoint does not cover yet,
     * {@code unavailable} says why there is no proof at all.
     */
    public record DrawProof(String drawId, long treeSize, String rootHash, String checkpoint,
                            List<LogProofs.RecordProof> records, List<Long> pending, String unavailable) {
    }

    /** A refused page request: a Chinese message for the page and its status. */
    static final class PageProblem extends RuntimeException {
        final int status;

        PageProblem(int status, String message) {
            super(message);
            this.status = status;
        }
    }

    @Inject
    PortalService portal;

    @Inject
    ItemService itemService;

    @Inject
    RegionDirectory regions;

    @Inject
    ServiceClock clock;

    @Inject
    WordingCatalog wordingCatalog;

    @Inject
    LogProofs logProofs;

    @GET
    @Operation(hidden = true)
    public Response search(@QueryParam("region") String region, @QueryParam("quarter") String quarter,
                           @QueryParam("from") String from, @QueryParam("to") String to,
                           @QueryParam("result") String result, @QueryParam("q") String q,
                           @QueryParam("after") String after, @QueryParam("limit") String limit,
                           @QueryParam("n") String shown) {
        SearchForm form = new SearchForm(blank(region), blank(quarter), blank(from), blank(to), blank(result), blank(q));
        List<Option> quarters = quarters(form.quarter());
        try {
            PortalService.Filter filter = filter(form);
            int size = pageSize(blank(limit));
            String cursor = cursor(blank(after));
            // 序号 goes on from the previous pages: the next link says how many rows they showed
            long start = cursor == null ? 0 : shown(blank(shown));
            Page<PublicResult> page = portal.results(filter, cursor, size);
            PortalService.Total total = portal.total(filter);
            String first = cursor == null ? null : url(form, null, blank(limit), 0);
            String next = page.next() == null ? null : url(form, page.next(), blank(limit), start + page.items().size());
            return html(200, "public, max-age=" + PublicResultResource.MAX_AGE,
                    Templates.index(form, regionOptions(), quarters, wordings(), page.items(), first, next, total, start, null));
        } catch (PageProblem | ProblemException e) {
            PageProblem p = translate(e, "查询条件有误，请检查后重新查询。");
            return html(p.status, "no-store", Templates.index(form, regionOptions(), quarters, wordings(), List.of(), null, null,
                    null, 0, p.getMessage()));
        }
    }

    @GET
    @Path("/results/{id}")
    @Operation(hidden = true)
    public Response result(@PathParam("id") String id) {
        return page(() -> {
            if (id == null || !id.matches("R\\d{9}")) {
                throw new PageProblem(404, "未找到该检查结果：编号应形如 R000000001。");
            }
            List<PublicResult> versions;
            try {
                versions = portal.result(id);
            } catch (ProblemException e) {
                throw new PageProblem(404, "未找到已公示的检查结果 " + id + "。尚未公示或依法不予公示的结果不在此显示。");
            }
            PublicResult current = versions.get(0);
            boolean drawPublic = current.drawId() != null && portal.isPublicDraw(current.drawId());
            return Templates.result(current, versions, drawPublic, drawPublic ? proof(portal.draw(current.drawId())) : null);
        }, "public, max-age=" + PublicResultResource.MAX_AGE);
    }

    @GET
    @Path("/draws/{id}")
    @Operation(hidden = true)
    public Response draw(@PathParam("id") String id) {
        return page(() -> {
            try {
                PublicDraw draw = portal.draw(id);
                return Templates.draw(draw, proof(draw));
            } catch (ProblemException e) {
                throw new PageProblem(404, "该抽取尚未公开或不存在。抽取在其全部检查结果均已公示（或依法不予公示）后公开。");
            }
        }, "public, max-age=" + PublicResultResource.MAX_AGE);
    }

    @GET
    @Path("/items")
    @Operation(hidden = true)
    public Response items(@QueryParam("region") String regionParam) {
        String code = blank(regionParam) == null ? CITY : blank(regionParam);
        try {
            Region region = region(code);
            List<ItemRow> rows = itemService.applicable(region.code(), false).stream().map(Stored::data)
                    .map(PortalPages::row).toList();
            return html(200, "public, max-age=300", Templates.items(region.code(), region.name(), regionOptions(), rows, null));
        } catch (PageProblem | ProblemException e) {
            PageProblem p = translate(e, "行政区划代码有误。");
            return html(p.status, "no-store", Templates.items(code, null, regionOptions(), List.of(), p.getMessage()));
        }
    }

    @GET
    @Path("/verify")
    @Operation(hidden = true)
    public Response verify() {
        return html(200, "public, max-age=3600", Templates.verify());
    }

    /** The proofs of the draw's records against the latest checkpoint, or why there are none yet. */
    private DrawProof proof(PublicDraw draw) {
        List<Long> seqs = draw.records().stream().map(PublicDraw.Record::seq).toList();
        LogProofs.DrawProofs proofs;
        try {
            proofs = logProofs.ofRecords(draw.id(), seqs, null);
        } catch (ProblemException e) {
            return new DrawProof(draw.id(), 0, null, null, List.of(), seqs, "透明日志尚未签发检查点，证明将在下一个检查点签发后显示。");
        }
        List<Long> covered = proofs.records().stream().map(LogProofs.RecordProof::seq).toList();
        List<Long> pending = seqs.stream().filter(s -> !covered.contains(s)).toList();
        return new DrawProof(draw.id(), proofs.treeSize(), proofs.rootHash(), proofs.checkpoint(), proofs.records(), pending, null);
    }

    /**
     * The browser verifier: replays a public draw from its package (fetched by id, or a file the
     * auditor chose) with WebCrypto and checks it against the ledger and the log.
     */
    @GET
    @Path("/verifier")
    @Operation(hidden = true)
    public Response verifier(@QueryParam("draw") String draw) {
        String id = blank(draw);
        if (id != null && !PortalService.isDrawId(id)) {
            return html(400, "no-store", VERIFIER_CSP, Templates.verifier(null, "抽取编号有误：应形如 D000000001。"));
        }
        return html(200, "public, max-age=3600", VERIFIER_CSP, Templates.verifier(id, null));
    }

    @GET
    @Path("/verifier.js")
    @Produces("text/javascript;charset=UTF-8")
    @Operation(hidden = true)
    public Response verifierScript() {
        return Response.ok(VerifierScript.TEXT).header("Cache-Control", "public, max-age=3600")
                .header("X-Content-Type-Options", "nosniff").build();
    }

    private Response page(Supplier<TemplateInstance> body, String cache) {
        try {
            return html(200, cache, body.get());
        } catch (PageProblem | ProblemException e) {
            PageProblem p = translate(e, "请求有误。");
            return html(p.status, "no-store", Templates.error(p.getMessage()));
        }
    }

    private static Response html(int status, String cache, TemplateInstance page) {
        return html(status, cache, CSP, page);
    }

    private static Response html(int status, String cache, String csp, TemplateInstance page) {
        return Response.status(status).entity(page.render()).type(HTML).header("Cache-Control", cache)
                .header("Content-Security-Policy", csp).header("X-Content-Type-Options", "nosniff")
                .header("Referrer-Policy", "same-origin").build();
    }

    private static PageProblem translate(RuntimeException e, String fallback) {
        if (e instanceof PageProblem p) {
            return p;
        }
        ProblemType type = ((ProblemException) e).type();
        if (type == ProblemType.NOT_FOUND) {
            return new PageProblem(404, "未找到所请求的内容。");
        }
        return new PageProblem(400, fallback);
    }

    /** The form's values checked here, with Chinese messages, before the shared query runs. */
    private PortalService.Filter filter(SearchForm f) {
        if (f.region() != null) {
            region(f.region());
        }
        if (f.quarter() != null) {
            try {
                Quarter.parse(f.quarter().toUpperCase(Locale.ROOT));
            } catch (IllegalArgumentException e) {
                throw new PageProblem(400, "季度格式有误：应形如 2026Q4（即2026年第四季度）。");
            }
        }
        LocalDate from = date(f.from(), "起始日期");
        LocalDate to = date(f.to(), "截止日期");
        if (from != null && to != null && to.isBefore(from)) {
            throw new PageProblem(400, "检查日期范围有误：截止日期早于起始日期。");
        }
        if (f.result() != null && !wordingCatalog.isKnown(f.result())) {
            throw new PageProblem(400, "检查结果有误：请从列表中选择标准用语。");
        }
        if (f.q() != null) {
            String q = f.q();
            if (q.length() > 100) {
                throw new PageProblem(400, "关键词过长：最多 100 个字符。");
            }
            if (TextRules.badCharacter(q) != null) {
                throw new PageProblem(400, "关键词含有不允许的字符。");
            }
            if (!Uscc.hasForm(q.toUpperCase(Locale.ROOT)) && q.codePointCount(0, q.length()) < 2) {
                throw new PageProblem(400, "关键词过短：请输入企业名称中至少 2 个字，或完整的 18 位统一社会信用代码。");
            }
        }
        return new PortalService.Filter(f.region(), f.quarter() == null ? null : f.quarter().toUpperCase(Locale.ROOT),
                from, to, f.result(), f.q());
    }

    private Region region(String code) {
        Region r = RegionDirectory.hasCodeForm(code) ? regions.find(code) : null;
        if (r == null) {
            throw new PageProblem(400, "行政区划代码有误：应为 6 位代码，例如 130100（石家庄市）或 130123（正定县）。");
        }
        return r;
    }

    private static LocalDate date(String text, String label) {
        if (text == null) {
            return null;
        }
        try {
            return DateParameters.parse(text);
        } catch (DateTimeException e) {
            throw new PageProblem(400, label + "格式有误：应形如 2026-10-01。");
        }
    }

    private static int pageSize(String limit) {
        if (limit == null) {
            return PAGE_SIZE;
        }
        try {
            int n = Integer.parseInt(limit);
            if (n >= 1 && n <= 100) {
                return n;
            }
        } catch (NumberFormatException e) {
            // below
        }
        throw new PageProblem(400, "每页条数有误：应为 1 到 100 之间的整数。");
    }

    private static String cursor(String after) {
        if (after != null && !PortalService.isCursor(after)) {
            throw new PageProblem(400, "翻页参数有误：请回到第一页重新查询。");
        }
        return after;
    }

    /** How many rows the previous pages showed (the first 序号 of this one, less one); absent counts as none. */
    private static long shown(String n) {
        if (n == null) {
            return 0;
        }
        if (!n.matches("0|[1-9]\\d{0,8}")) {
            throw new PageProblem(400, "翻页参数有误：请回到第一页重新查询。");
        }
        return Long.parseLong(n);
    }

    private static String url(SearchForm f, String after, String limit, long shown) {
        Map<String, String> p = new LinkedHashMap<>();
        p.put("region", f.region());
        p.put("quarter", f.quarter());
        p.put("from", f.from());
        p.put("to", f.to());
        p.put("result", f.result());
        p.put("q", f.q());
        p.put("limit", limit);
        p.put("after", after);
        p.put("n", after == null ? null : Long.toString(shown));
        String query = p.entrySet().stream().filter(e -> e.getValue() != null)
                .map(e -> e.getKey() + "=" + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
                .collect(Collectors.joining("&"));
        return query.isEmpty() ? "/" : "/?" + query;
    }

    private List<Option> regionOptions() {
        List<Option> out = new ArrayList<>();
        Region city = regions.find(CITY);
        out.add(new Option(CITY, city == null ? CITY : city.name() + "（含所辖区县）"));
        for (Region r : regions.children(CITY)) {
            out.add(new Option(r.code(), r.name()));
        }
        return out;
    }

    /** The current quarter and the seven before it, plus whatever was asked for. */
    private List<Option> quarters(String asked) {
        List<Option> out = new ArrayList<>();
        Quarter q = Quarter.of(clock.today());
        for (int i = 0; i < 8; i++) {
            out.add(new Option(q.toString(), q.chinese()));
            q = q.number() == 1 ? new Quarter(q.year() - 1, 4) : new Quarter(q.year(), q.number() - 1);
        }
        if (asked != null && out.stream().noneMatch(o -> o.value().equals(asked))) {
            out.add(0, new Option(asked, Quarter.chinese(asked)));
        }
        return out;
    }

    /** The wordings results in the city and its counties can carry; retired ones too (old results keep them). */
    private List<Option> wordings() {
        LocalDate today = clock.today();
        return wordingCatalog.withinCached(CITY).stream()
                .map(w -> new Option(w.code(), w.text() + (w.usableOn(today) || today.isBefore(w.validFrom()) ? "" : "（已停用）")))
                .toList();
    }

    private static ItemRow row(ItemData i) {
        return new ItemRow(i.seqNo(), i.name(), i.subItem(), label(i.category()), i.targetType(), label(i.inspectingLevel()),
                i.legalBasis(), i.content(), i.methods().stream().map(Labelled::label).collect(Collectors.joining("、")),
                i.jointInspection() ? "是" : "否",
                join(i.responsibleDivision(), i.cooperatingDivisions()),
                i.objectKinds().stream().map(Labelled::label).collect(Collectors.joining("、")), i.readingNote());
    }

    private static String join(String responsible, List<String> cooperating) {
        if (responsible == null && cooperating.isEmpty()) {
            return null;
        }
        String r = responsible == null ? "" : responsible;
        return cooperating.isEmpty() ? r : r + "（配合：" + String.join("、", cooperating) + "）";
    }

    private static String label(Labelled l) {
        return l == null ? "〔缺失〕" : l.label();
    }

    private static String blank(String v) {
        return v == null || v.isBlank() ? null : v.strip();
    }
}
