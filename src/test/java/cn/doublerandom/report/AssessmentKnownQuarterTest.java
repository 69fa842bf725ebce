package cn.doublerandom.report;

import cn.doublerandom.platform.ServiceClock;
import cn.doublerandom.support.Api;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Seed 000's assessment of Shijiazhuang (130100) over a quarter of our own building, 2025Q3, with every
 * figure, score, rank and flag computed by hand. The city ranks the 19 units of its default
 * configuration under their short names; 长安区 checks too, but is outside the ranking. Targeted checks
 * (two members each), but for one random check each in 栾城区 and 新乐市, of a target on the positive list
 * recorded on site: the lower-is-better 正面清单企业现场检查. Both are confidential, so nothing is publishable:
 * <ul>
 *   <li>高新区 (130171): on site, problems [violation, violation]; non-site, problems [violation]: 2 checks, 4 trips, 3 problems, 3 violations, 1 non-site check, 1 problem and 1 violation
 *   found non-site. In 2025Q2 it had one check on site without problems.</li>
 *   <li>正定县 (130123): non-site, [violation]: 1 check, 1 problem, 1 violation, all non-site.</li>
 *   <li>栾城区 (130111): two on site, one of them [not a violation]: 2 checks, 1 problem, 0 violations. The second
 *   (09-30) is a random check of its target on the positive list, on site: 1 positive-list target checked on site.</li>
 *   <li>新乐市 (130184): two on site without problems, the second (08-02) a random check of its target on the positive
 *   list: 1 positive-list target checked on site.</li>
 *   <li>长安区 (130102, not assessed): on site, [violation].</li>
 *   <li>井陉矿区 (130107) and the 14 other assessed units: nothing.</li>
 * </ul>
 */
@QuarkusTest
@org.junit.jupiter.api.TestMethodOrder(org.junit.jupiter.api.MethodOrderer.OrderAnnotation.class)
class AssessmentKnownQuarterTest {

    static final String CITY = "130100";
    static final String GXQ = "130171";
    static final String ZD = "130123";
    static final String LC = "130111";
    static final String XL = "130184";
    static final String CA = "130102";
    static final String EMPTY = "130107";
    static final String Q3 = "/api/v1/reports/assessment?region=130100&quarter=2025Q3";
    static final String V = "\"violation\":true";

    private static final Map<String, String> targets = new LinkedHashMap<>();
    private static final Map<String, String> draws = new LinkedHashMap<>();
    private static final Map<String, List<String>> teams = new LinkedHashMap<>();

    @Inject
    ServiceClock clock;

    @BeforeEach
    void data() {
        synchronized (AssessmentKnownQuarterTest.class) {
            if (!targets.isEmpty()) {
                return;
            }
            ReportFixture.at(clock, "2025-10-10T02:00:00Z");
            try {
                for (String county : List.of(GXQ, ZD, LC, XL, CA)) {
                    String t = Api.uscc(county);
                    Api.operator(county).contentType("text/csv").body(("统一社会信用代码,单位名称,行政区划代码,运营状态\n" + t + ",考核测试厂"
                            + county + "," + county + ",生产\n").getBytes(StandardCharsets.UTF_8)).post("/api/v1/targets/import")
                            .then().statusCode(200);
                    Api.operator(county).contentType("text/csv").body(("人员编号,姓名,行政区划代码,执法证号,执法证有效期至,状态,持证执法人员,辅助检查人员\n"
                            + "KQ" + county + "-1,考核执法员1," + county + ",考核证1,2030-12-31,在岗,是,否\n"
                            + "KQ" + county + "-2,考核执法员2," + county + ",考核证2,2030-12-31,在岗,是,否\n").getBytes(StandardCharsets.UTF_8))
                            .post("/api/v1/inspectors/import").then().statusCode(200);
                    targets.put(county, t);
                }
                // a target on the positive list in 栾城区 and in 新乐市, each drawn alone by a directed draw on 07-01
                ReportFixture.at(clock, "2025-07-01T02:00:00Z");
                long item = ((Number) Api.as("admin", CITY).body("""
                        {"regionCode":"130100","seqNo":"KQ1","name":"污染源日常监管（考核测试）","category":"GENERAL","targetType":"排污单位",
                         "inspectingLevel":"COUNTY_AND_ABOVE","legalBasis":"《中华人民共和国环境保护法》","content":"排污许可执行情况",
                         "methods":["ON_SITE","TECHNOLOGY"],"jointInspection":false}""")
                        .post("/api/v1/items").then().statusCode(201).extract().path("id")).longValue();
                for (String county : List.of(LC, XL)) {
                    drawPositive(county, item);
                }
                ReportFixture.at(clock, "2025-10-10T02:00:00Z");
                check(GXQ, "2025-06-20", false, List.of());
                check(GXQ, "2025-07-10", false, List.of(V, V));
                check(GXQ, "2025-08-10", true, List.of(V));
                check(ZD, "2025-07-15", true, List.of(V));
                check(LC, "2025-07-20", false, List.of("\"violation\":false"));
                random(LC, "2025-09-30");
                check(XL, "2025-08-01", false, List.of());
                random(XL, "2025-08-02");
                check(CA, "2025-09-01", false, List.of(V));
            } finally {
                clock.use(Clock.systemUTC());
            }
        }
    }

    @AfterEach
    void resetClock() {
        clock.use(Clock.systemUTC());
    }

    /** The county's positive-list target (by role "P" + county), on the list since 2025-01-01, drawn alone by a directed draw. */
    private static void drawPositive(String county, long item) {
        // a draw needs a policy for its year; the county's own, so that nothing else of 130100 in 2025 changes
        Api.as("admin", CITY).body("{}").put("/api/v1/policies/" + county + "/2025").then().statusCode(org.hamcrest.Matchers.oneOf(200, 201));
        String t = Api.uscc(county);
        Api.operator(county).contentType("text/csv").body(("统一社会信用代码,单位名称,行政区划代码,排污许可管理类别,运营状态,行业类别,正面清单起始日期\n"
                + t + ",考核正面清单厂" + county + "," + county + ",登记管理,生产,考核正面清单行业,2025-01-01\n").getBytes(StandardCharsets.UTF_8))
                .post("/api/v1/targets/import").then().statusCode(200);
        String id = Api.operator(county).body("{\"authority\":\"" + county + "\",\"quarter\":\"2025Q3\",\"items\":[" + item
                + "],\"kind\":\"DIRECTED\",\"count\":1,\"filter\":{\"industry\":\"考核正面清单行业\"}}").post("/api/v1/draws")
                .then().log().ifValidationFails().statusCode(201).extract().path("id");
        JsonPath d = Api.operator(county).body("{\"seed\":\"assessment-known-" + county + "\"}").post("/api/v1/draws/" + id + "/execute")
                .then().statusCode(200).extract().jsonPath();
        if (d.getList("targets").size() != 1 || !t.equals(d.getString("targets[0].uscc"))) {
            throw new IllegalStateException(county + ": expected the positive-list target alone, got " + d.getList("targets"));
        }
        targets.put("P" + county, t);
        draws.put(county, id);
        teams.put(county, d.getList("targets[0].team", String.class));
    }

    /**
     * A random check of the county's positive-list target on site, without problems (the failure 正面清单企业现场检查
     * counts), kept confidential so that nothing of it is publishable and no publication run of another test changes
     * the publication figures.
     */
    private static void random(String county, String date) {
        List<String> team = teams.get(county);
        String body = "{\"drawId\":\"" + draws.get(county) + "\",\"uscc\":\"" + targets.get("P" + county) + "\",\"inspectionDate\":\""
                + date + "\",\"determinationDate\":\"" + date + "\",\"wording\":\"NO_PROBLEM\",\"problems\":[],\"handling\":[\"NONE\"],"
                + "\"violationFound\":false,\"nonSite\":false,\"team\":[\"" + team.get(0) + "\",\"" + team.get(1) + "\"],"
                + "\"confidential\":true,\"confidentialReason\":\"涉及国家安全\"}";
        Api.operator(county).body(body).post("/api/v1/results").then().statusCode(201);
    }

    /** A targeted check of the county's target by its two inspectors; each problem given by its marks. */
    private static void check(String county, String date, boolean nonSite, List<String> problems) {
        List<String> p = new ArrayList<>();
        for (String marks : problems) {
            p.add("{\"type\":\"OTHER\",\"description\":\"考核问题\"," + marks + "}");
        }
        boolean violation = problems.contains(V);
        String body = "{\"uscc\":\"" + targets.get(county) + "\",\"source\":\"COMPLAINT\",\"sourceReference\":\"12369-" + date
                + "\",\"inspectionDate\":\"" + date + "\",\"problems\":" + p + ",\"handling\":"
                + (violation ? "[\"CORRECTION_DEADLINE\"]" : "[\"NONE\"]") + ",\"violationFound\":" + violation + ",\"nonSite\":"
                + nonSite + ",\"team\":[\"KQ" + county + "-1\",\"KQ" + county + "-2\"]}";
        Api.operator(county).body(body).post("/api/v1/checks").then().statusCode(201);
    }

    static String unit(String code) {
        return "units.find { it.code == '" + code + "' }";
    }

    private static List<Object> values(JsonPath j, String code, String... keys) {
        List<Object> out = new ArrayList<>();
        for (String k : keys) {
            out.add(Reports.text(j.get(unit(code) + ".all." + k)));
        }
        return out;
    }

    @Test
    @org.junit.jupiter.api.Order(1)
    void theCityRanksItsNineteenUnitsUnderTheirShortNamesAndCountsTheOthers() {
        JsonPath j = Reports.get("city", CITY, Q3);
        assertEquals(25, j.getList("units").size(), "24 county-level units and the city bureau");
        assertEquals(19, j.getList("units.findAll { it.ranked }").size());
        assertEquals("高新区", j.getString(unit(GXQ) + ".name"));
        assertEquals("化工园区", j.getString(unit("130172") + ".name"));
        assertEquals("长安区", j.getString(unit(CA) + ".name"));
        assertFalse(j.getBoolean(unit(CA) + ".ranked"));
        assertNull(j.get(unit(CA) + ".ranks.checks"));
        for (String ca : List.of("130102", "130104", "130105", "130108", "130181", "130100")) {
            assertFalse(j.getBoolean(unit(ca) + ".ranked"), ca);
        }

        String[] keys = {"checks", "inspectorTrips", "problems", "violations", "nonSite", "nonSiteProblems", "nonSiteViolations",
                "problemRate", "violationRate", "nonSiteShare"};
        assertEquals(List.of("2", "4", "3", "3", "1", "1", "1", "150.00", "150.00", "50.00"), values(j, GXQ, keys));
        assertEquals(List.of("1", "2", "1", "1", "1", "1", "1", "100.00", "100.00", "100.00"), values(j, ZD, keys));
        assertEquals(List.of("2", "4", "1", "0", "0", "0", "0", "50.00", "0.00", "0.00"), values(j, LC, keys));
        assertEquals(List.of("2", "4", "0", "0", "0", "0", "0", "0.00", "0.00", "0.00"), values(j, XL, keys));
        assertEquals(List.of("1", "2", "1", "1", "0", "0", "0", "100.00", "100.00", "0.00"), values(j, CA, keys));
        assertEquals(List.of("0", "0", "0", "0", "0", "0", "0", "null", "null", "null"), values(j, EMPTY, keys));
        // the total counts 长安区 too: 8 checks, 5 violations
        assertEquals(List.of("8", "16", "5", "62.50"), List.of(Reports.text(j.get("total.all.checks")),
                Reports.text(j.get("total.all.inspectorTrips")), Reports.text(j.get("total.all.violations")),
                Reports.text(j.get("total.all.violationRate"))));

        // ranks: ties 1, 1, 1, 4 on checks; the 15 empty units share 5; a unit without checks has no rate and no rank on it
        assertEquals(List.of(1, 1, 4, 1, 5), ranks(j, "checks", GXQ, LC, ZD, XL, EMPTY));
        assertEquals(java.util.Arrays.asList(1, 3, 2, 4, null), ranks(j, "problemRate", GXQ, LC, ZD, XL, EMPTY));
        // fewer is better: 栾城区 and 新乐市 checked a positive-list target on site (1 each) and tie last at 18, the 17 others
        // (0, the units without checks too) share rank 1
        assertEquals(List.of(1, 18, 1, 18, 1), ranks(j, "positiveListOnSite", GXQ, LC, ZD, XL, EMPTY));
        assertEquals(List.of("0", "1", "0", "1", "0", "0"), List.of(GXQ, LC, ZD, XL, EMPTY, CA).stream()
                .map(c -> Reports.text(j.get(unit(c) + ".all.positiveListOnSite"))).toList());
        // 新乐市 apart: the random check counts it, publishes nothing (confidential), and has no on-time rate to rank
        Reports.figures(j, unit(XL) + ".random", 1, 0, "0.00", 0, "0.00", 0, "0.00", 0, null, 1, 0, 0, null);
        Reports.figures(j, unit(XL) + ".targeted", 1, 0, "0.00", 0, "0.00", 0, "0.00", 0, null, null, null, null, null);
        Reports.figures(j, unit(XL) + ".all", 2, 0, "0.00", 0, "0.00", 0, "0.00", 0, null, 1, 0, 0, null);
        assertNull(j.get(unit(XL) + ".ranks.onTimeRate"));
        Reports.figures(j, "total.random", 2, 0, "0.00", 0, "0.00", 0, "0.00", 0, null, 2, 0, 0, null);
        assertEquals("2", Reports.text(j.get("total.all.positiveListOnSite")));
    }

    private static List<Integer> ranks(JsonPath j, String figure, String... codes) {
        List<Integer> out = new ArrayList<>();
        for (String c : codes) {
            out.add(j.get(unit(c) + ".ranks." + figure));
        }
        return out;
    }

    @Test
    @org.junit.jupiter.api.Order(2)
    void changesOnThePreviousQuarterAndTheTwoFlags() {
        JsonPath j = Reports.get("city", CITY, Q3);
        assertEquals("2025Q2", j.getString("previousQuarter"));
        // 高新区: 1 check in Q2, 2 now: +1, +100.00%; its Q2 violation rate was 0.00, now 150.00: +150.00 points
        String c = unit(GXQ) + ".changes";
        assertEquals(List.of("1", "1", "100.00"), List.of(Reports.text(j.get(c + ".checks.previous")),
                Reports.text(j.get(c + ".checks.difference")), Reports.text(j.get(c + ".checks.percent"))));
        assertEquals(List.of("0.00", "150.00", "null"), List.of(Reports.text(j.get(c + ".violationRate.previous")),
                Reports.text(j.get(c + ".violationRate.difference")), Reports.text(j.get(c + ".violationRate.percent"))));
        // 正定县 had nothing in Q2: no percent of 0, no rate to compare
        assertEquals(List.of("0", "1", "null"), List.of(Reports.text(j.get(unit(ZD) + ".changes.checks.previous")),
                Reports.text(j.get(unit(ZD) + ".changes.checks.difference")), Reports.text(j.get(unit(ZD) + ".changes.checks.percent"))));
        assertNull(j.get(unit(ZD) + ".changes.violationRate.difference"));
        assertEquals(List.of("1", "7", "700.00"), List.of(Reports.text(j.get("total.changes.checks.previous")),
                Reports.text(j.get("total.changes.checks.difference")), Reports.text(j.get("total.changes.checks.percent"))));
        // the lower-is-better count: none in 2025Q2, so +1 for 栾城区 and 新乐市 (+2 for the city) and no percent of 0
        for (String at : List.of(unit(LC), unit(XL), "total")) {
            String p = at + ".changes.positiveListOnSite";
            assertEquals(List.of("0", "total".equals(at) ? "2" : "1", "null"), List.of(Reports.text(j.get(p + ".previous")),
                    Reports.text(j.get(p + ".difference")), Reports.text(j.get(p + ".percent"))), at);
        }
        assertEquals(List.of("0", "0", "null"), List.of(Reports.text(j.get(unit(GXQ) + ".changes.positiveListOnSite.previous")),
                Reports.text(j.get(unit(GXQ) + ".changes.positiveListOnSite.difference")),
                Reports.text(j.get(unit(GXQ) + ".changes.positiveListOnSite.percent"))));

        // the city's violation rate is 62.50%: above it 高新区 (150), 正定县 (100), 长安区 (100); under 1% 栾城区 and 新乐市 (0)
        assertEquals(List.of(true, false), flags(j, GXQ));
        assertEquals(List.of(true, false), flags(j, ZD));
        assertEquals(List.of(true, false), flags(j, CA));
        assertEquals(List.of(false, true), flags(j, LC));
        assertEquals(List.of(false, true), flags(j, XL));
        assertEquals(java.util.Arrays.asList(null, null), flags(j, EMPTY));
    }

    private static List<Boolean> flags(JsonPath j, String code) {
        return java.util.Arrays.asList(j.get(unit(code) + ".flags.aboveAverage"), j.get(unit(code) + ".flags.belowLow"));
    }

    /**
     * The default scheme by hand (rank bands 10/8/6/4 for ranks 1-3/4-8/9-13/14-19; conduct's 15/12/9/6).
     * Daily: checks and trips 高新区, 栾城区, 新乐市 rank 1 (10), 正定县 4 (8), the 15 empty 5 (8); non-site share 正定县 1,
     * 高新区 2, 栾城区 and 新乐市 3 (10 each), none for the empty (0); problem rate 高新区 1, 正定县 2, 栾城区 3 (10), 新乐市 4 (8),
     * none for the empty. 高新区 40, 栾城区 40, 新乐市 38, 正定县 36, empty 16.
     * Violations: count 高新区 1, 正定县 2, the rest 3 (10 for all); rate at least 3% 10 (高新区, 正定县), else 0 (栾城区 and
     * 新乐市 0%, the empty none); found non-site 高新区 and 正定县 1, the rest 3 (10 for all). 高新区 and 正定县 30, the rest 20.
     * Conduct: positive-list checks on site, fewer is better: 0 for 17 units, rank 1 (15); 1 for 栾城区 and 新乐市, tied
     * at rank 18 (6); on-time rate none anywhere (nothing publishable): 0. 栾城区 and 新乐市 6, the rest 15.
     * Overall: 高新区 40+30+15 = 85, 正定县 36+30+15 = 81, 栾城区 40+20+6 = 66, 新乐市 38+20+6 = 64, the empty 16+20+15 = 51.
     */
    @Test
    @org.junit.jupiter.api.Order(3)
    void everyScoreAndRankByHand() {
        JsonPath j = Reports.get("city", CITY, Q3);
        assertFalse(j.getBoolean("scheme.recorded"), "no scheme of the city's: the default scores");
        for (int b = 0; b < 4; b++) {
            assertEquals(19, j.getList("scores[" + b + "].entries").size());
            assertFalse(j.getList("scores[" + b + "].entries.code").contains(CA), "长安区 is not scored");
        }
        block(j, 0, List.of(GXQ, ZD, LC, XL, EMPTY), List.of("85.00", "81.00", "66.00", "64.00", "51.00"), List.of(1, 2, 3, 4, 5));
        // ties keep the units' order (130111 before 130171)
        block(j, 1, List.of(LC, GXQ, XL, ZD, EMPTY), List.of("40.00", "40.00", "38.00", "36.00", "16.00"), List.of(1, 1, 3, 4, 5));
        block(j, 2, List.of(ZD, GXQ, EMPTY), List.of("30.00", "30.00", "20.00"), List.of(1, 1, 3));
        assertEquals("20.00", Reports.text(j.get("scores[2].entries.find { it.code == '" + LC + "' }.score")));
        assertEquals(List.of(15.0, 6.0), j.getList("scores[3].entries.score").stream().map(o -> ((Number) o).doubleValue()).distinct().toList());
        assertEquals("高新区", j.getString("scores[0].entries[0].name"));
        assertEquals(List.of(1, 1, 18, 18), List.of(j.getInt("scores[3].entries[0].rank"), j.getInt("scores[3].entries[16].rank"),
                j.getInt("scores[3].entries[17].rank"), j.getInt("scores[3].entries[18].rank")));
        // the two that checked a positive-list target on site close the conduct block, tied, in the units' order
        assertEquals(List.of(LC, XL), List.of(j.getString("scores[3].entries[17].code"), j.getString("scores[3].entries[18].code")));
        assertEquals(List.of("6.00", "6.00"), List.of(Reports.text(j.get("scores[3].entries[17].score")),
                Reports.text(j.get("scores[3].entries[18].score"))));
        for (String[] e : new String[][]{{XL, "1", "18", "6"}, {LC, "1", "18", "6"}, {GXQ, "0", "1", "15"}, {EMPTY, "0", "1", "15"}}) {
            String at = "scores[3].entries.find { it.code == '" + e[0] + "' }.indicators";
            assertEquals(List.of(e[1], e[2], e[3]), List.of(Reports.text(j.get(at + ".find { it.figure == 'positiveListOnSite' }.value")),
                    Reports.text(j.get(at + ".find { it.figure == 'positiveListOnSite' }.rank")),
                    Reports.text(j.get(at + ".find { it.figure == 'positiveListOnSite' }.points"))), e[0]);
            assertNull(j.get(at + ".find { it.figure == 'onTimeRate' }.rank"), e[0]);
        }
    }

    /**
     * The workbook leadership gets, read back by a spreadsheet reader: seed 000's blocks side by side on the
     * first sheet, and on the second every indicator's figure, rank and points per unit, by the same hand
     * computation as above (rates as percent-formatted fractions: 50.00% is 0.5).
     */
    @Test
    @org.junit.jupiter.api.Order(4)
    void theFiguresBehindEveryScoreOnTheSecondSheet() {
        byte[] xlsx = Api.as("city", CITY).get(Q3 + "&format=xlsx").then().statusCode(200).extract().asByteArray();
        Reports.Sheet blocks = Reports.sheet(xlsx, 0);
        assertEquals(List.of("执法考核整体排名", "得分", "名次", "日常执法监管排名", "得分", "名次", "违法问题查处排名", "得分", "名次",
                "规范执法行为排名", "得分", "名次"), blocks.header());
        assertEquals(19, blocks.rows().size());
        assertEquals(List.of("高新区", "85", "1", "栾城区", "40", "1", "正定县", "30", "1"), blocks.text().get(0).subList(0, 9));
        assertEquals(List.of("新乐市", "64", "4", "正定县", "36", "4"), blocks.text().get(3).subList(0, 6));
        assertEquals(List.of("栾城区", "6", "18"), blocks.text().get(17).subList(9, 12));
        assertEquals(List.of("新乐市", "6", "18"), blocks.text().get(18).subList(9, 12));

        Reports.Sheet detail = Reports.sheet(xlsx, 1);
        assertEquals(List.of("石家庄市2025年第三季度执法检查统计与排名：得分明细（各指标数值、名次、得分）",
                "统计范围：石家庄市（130100）所辖单位；2025年第三季度"), detail.title().subList(0, 2));
        assertEquals(List.of("单位名称", "区划代码", "执法考核整体得分", "名次",
                "检查企业（家次）", "检查企业名次", "检查企业得分", "出动执法人员（人次）", "出动执法人员名次", "出动执法人员得分",
                "非现场检查占比（%）", "非现场检查占比名次", "非现场检查占比得分", "发现问题率（%）", "发现问题率名次", "发现问题率得分",
                "日常执法监管得分",
                "发现违法问题（个）", "发现违法问题名次", "发现违法问题得分", "发现违法问题率（%）", "发现违法问题率名次", "发现违法问题率得分",
                "非现场发现违法问题（个）", "非现场发现违法问题名次", "非现场发现违法问题得分", "违法问题查处得分",
                "正面清单企业现场检查（家次）", "正面清单企业现场检查名次", "正面清单企业现场检查得分", "按时公示率（%）", "按时公示率名次",
                "按时公示率得分", "规范执法行为得分"), detail.header());
        assertEquals(19, detail.rows().size(), "the ranked units only: 长安区 is outside the ranking");
        assertFalse(detail.text().stream().anyMatch(r -> CA.equals(r.get(1))));
        // 高新区: first overall; its non-site share 50% ranks 2nd, behind 正定县's 100%
        assertEquals(List.of("高新区", GXQ, "85", "1", "2", "1", "10", "4", "1", "10", "0.5", "2", "10", "1.5", "1", "10", "40",
                "3", "1", "10", "1.5", "1", "10", "1", "1", "10", "30", "0", "1", "15", "—", "—", "0", "15"), detail.text().get(0));
        assertEquals(List.of(ZD, "81", "2"), detail.text().get(1).subList(1, 4));
        // 新乐市: its one positive-list target checked on site ranks it 18th of 19 (fewer is better), 6 points
        assertEquals(List.of("新乐市", XL, "64", "4", "2", "1", "10", "4", "1", "10", "0", "3", "10", "0", "4", "8", "38",
                "0", "3", "10", "0", "3", "0", "0", "3", "10", "20", "1", "18", "6", "—", "—", "0", "6"), detail.text().get(3));
        assertEquals(List.of("栾城区", LC, "66", "3"), detail.text().get(2).subList(0, 4));
        assertEquals(List.of("1", "18", "6", "—", "—", "0", "6"), detail.text().get(2).subList(27, 34));
        for (int c = 27; c <= 29; c++) {
            assertEquals(org.dhatim.fastexcel.reader.CellType.NUMBER, detail.rows().get(3).get(c).getType(), detail.header().get(c));
        }
        // a unit without checks: counts rank last together, rates have no figure, no rank and no points
        assertEquals(List.of(EMPTY, "51", "5", "0", "5", "8", "0", "5", "8", "—", "—", "0", "—", "—", "0", "16",
                "0", "3", "10", "—", "—", "0", "0", "3", "10", "20", "0", "1", "15", "—", "—", "0", "15"),
                detail.text().get(4).subList(1, 34));
        List<org.dhatim.fastexcel.reader.Cell> gxq = detail.rows().get(0);
        for (int c : new int[]{2, 3, 4, 5, 6, 10, 16, 33}) {
            assertEquals(org.dhatim.fastexcel.reader.CellType.NUMBER, gxq.get(c).getType(), detail.header().get(c));
        }
        assertEquals(org.dhatim.fastexcel.reader.CellType.STRING, gxq.get(1).getType(), "a region code stays text");
        assertEquals("0.00%", gxq.get(10).getDataFormatString());
        assertEquals(org.dhatim.fastexcel.reader.CellType.STRING, detail.rows().get(4).get(10).getType(), "— is text");

        // the figures sheet and the changes sheet: the count, its rank (fewer is better) and its change, as numbers
        Reports.Sheet ranking = Reports.sheet(xlsx, 2);
        int value = ranking.header().indexOf("正面清单企业现场检查（家次）");
        int rank = ranking.header().indexOf("正面清单企业现场检查名次");
        for (String[] e : new String[][]{{XL, "1", "18"}, {LC, "1", "18"}, {GXQ, "0", "1"}, {EMPTY, "0", "1"}, {CA, "0", "不参加排名"}}) {
            int r = rowOf(ranking, e[0]);
            assertEquals(List.of(e[1], e[2]), List.of(ranking.text().get(r).get(value), ranking.text().get(r).get(rank)), e[0]);
            assertEquals(org.dhatim.fastexcel.reader.CellType.NUMBER, ranking.rows().get(r).get(value).getType(), e[0]);
        }
        Reports.Sheet changes = Reports.sheet(xlsx, 3);
        int difference = changes.header().indexOf("正面清单企业现场检查比上季度增减（家次）");
        assertEquals(difference + 1, changes.header().indexOf("正面清单企业现场检查比上季度增减（%）"));
        assertEquals(List.of("1", "—"), changes.text().get(rowOf(changes, XL)).subList(difference, difference + 2));
        assertEquals(List.of("0", "—"), changes.text().get(rowOf(changes, GXQ)).subList(difference, difference + 2));
        List<String> cityTotal = changes.text().get(changes.text().size() - 1);
        assertEquals(List.of("石家庄市合计", CITY, "2", "—"), List.of(cityTotal.get(0), cityTotal.get(1), cityTotal.get(difference),
                cityTotal.get(difference + 1)));
        assertEquals(org.dhatim.fastexcel.reader.CellType.NUMBER, changes.rows().get(rowOf(changes, XL)).get(difference).getType());

        String csv = new String(Api.as("city", CITY).get(Q3 + "&format=csv&table=scoreDetail").then().statusCode(200)
                .extract().asByteArray(), StandardCharsets.UTF_8);
        assertTrue(csv.contains("\r\n高新区,130171,85.00,1,2,1,10,4,1,10,50.00,2,10,150.00,1,10,40.00,"), csv);
        String page = Api.as("city", CITY).get(Q3 + "&format=html").asString();
        assertTrue(page.indexOf("得分明细（各指标数值、名次、得分）") > page.indexOf("考核排名（单位名称、得分、名次）"), "the second table of the page");
    }

    /** The row of a unit (by its code in the second column) on a sheet. */
    private static int rowOf(Reports.Sheet sheet, String code) {
        for (int r = 0; r < sheet.text().size(); r++) {
            if (code.equals(sheet.text().get(r).get(1))) {
                return r;
            }
        }
        throw new AssertionError(code + " not on the sheet");
    }

    /** The head of a block in order, with scores (two decimals) and ranks. */
    private static void block(JsonPath j, int b, List<String> codes, List<String> scores, List<Integer> ranks) {
        String at = "scores[" + b + "].entries";
        List<String> actual = new ArrayList<>();
        List<String> actualScores = new ArrayList<>();
        List<Integer> actualRanks = new ArrayList<>();
        for (int i = 0; i < codes.size(); i++) {
            actual.add(j.getString(at + "[" + i + "].code"));
            actualScores.add(Reports.text(j.get(at + "[" + i + "].score")));
            actualRanks.add(j.getInt(at + "[" + i + "].rank"));
        }
        // the empty units tie last, in the units' order: 130107 first
        assertEquals(codes, actual, at);
        assertEquals(scores, actualScores, at);
        assertEquals(ranks, actualRanks, at);
    }

    static final String SCHEME = """
            {"reason":"2025年度考核评分标准","categories":[
              {"key":"daily","name":"日常执法监管","indicators":[
                {"figure":"problems","direction":"FEWER_IS_BETTER","method":"RANK","bands":[{"bound":1,"points":5}]},
                {"figure":"checks","direction":"MORE_IS_BETTER","method":"RANK","bands":[{"bound":3,"points":10}]}]},
              {"key":"conduct","name":"规范执法行为","indicators":[
                {"figure":"violationRate","direction":"FEWER_IS_BETTER","method":"THRESHOLD","bands":[{"bound":0,"points":3}]}]}]}""";

    /**
     * The city's own scheme for 2025, recorded last (it scores 2025Q3 from then on), by hand. Daily: problems, fewer is
     * better, rank 1 scores 5: 新乐市 and the 15 empty (0 problems) rank 1, 正定县 and 栾城区 (1) 17, 高新区 (3) 19; checks rank
     * up to 3 scores 10: 高新区, 栾城区, 新乐市. Conduct: a violation rate of at most 0 scores 3: 栾城区 and 新乐市; none for the
     * empty. Overall: 新乐市 18, 栾城区 13, 高新区 10, the empty 5 (rank 4), 正定县 0 (rank 19).
     */
    @Test
    @org.junit.jupiter.api.Order(5)
    void theCitysOwnSchemeIsPolicyWithHistoryAndScoresFromThen() {
        JsonPath before = Api.as("city", CITY).get("/api/v1/scoring-schemes/130100/2025").then().statusCode(200).extract().jsonPath();
        assertFalse(before.getBoolean("recorded"));
        assertEquals(0, before.getInt("version"));
        assertEquals(List.of("daily", "violations", "conduct"), before.getList("categories.key"));

        Api.operator(ZD).body(SCHEME).put("/api/v1/scoring-schemes/130100/2025").then().statusCode(403);
        Api.as("admin", "130500").body(SCHEME).put("/api/v1/scoring-schemes/130100/2025").then().statusCode(403);
        Api.as("city", CITY).body(SCHEME).put("/api/v1/scoring-schemes/130123/2025").then().statusCode(400)
                .body("errors[0].field", org.hamcrest.Matchers.equalTo("region"));
        Api.as("city", CITY).body(SCHEME.replace("\"problems\"", "\"smiles\"").replace("[{\"bound\":0,\"points\":3}]", "[]"))
                .put("/api/v1/scoring-schemes/130100/2025").then().statusCode(400).contentType("application/problem+json")
                .body("errors.field", org.hamcrest.Matchers.hasItems("categories[0].indicators[0].figure",
                        "categories[1].indicators[0].bands"));
        assertEquals(0, Api.as("city", CITY).get("/api/v1/scoring-schemes/130100/2025/history").then().statusCode(200)
                .extract().jsonPath().getList("items").size(), "nothing was recorded");

        Api.as("city", CITY).body(SCHEME).put("/api/v1/scoring-schemes/130100/2025").then().statusCode(201)
                .header("Location", org.hamcrest.Matchers.endsWith("/api/v1/scoring-schemes/130100/2025"))
                .body("version", org.hamcrest.Matchers.equalTo(1)).body("recorded", org.hamcrest.Matchers.equalTo(true));
        Api.as("city", CITY).body(SCHEME).put("/api/v1/scoring-schemes/130100/2025").then().statusCode(200)
                .body("version", org.hamcrest.Matchers.equalTo(1));
        assertEquals(1, Api.as("auditor", CITY).get("/api/v1/scoring-schemes/130100/2025/history").then().statusCode(200)
                .extract().jsonPath().getList("items").size());

        JsonPath j = Reports.get("city", CITY, Q3);
        assertTrue(j.getBoolean("scheme.recorded"));
        assertEquals(1, j.getInt("scheme.version"));
        assertEquals(List.of("overall", "daily", "conduct"), j.getList("scores.key"));
        block(j, 0, List.of(XL, LC, GXQ, EMPTY), List.of("18.00", "13.00", "10.00", "5.00"), List.of(1, 2, 3, 4));
        assertEquals("0.00", Reports.text(j.get("scores[0].entries[18].score")));
        assertEquals(ZD, j.getString("scores[0].entries[18].code"));
        assertEquals(19, j.getInt("scores[0].entries[18].rank"));
        String zdProblems = "scores[1].entries.find { it.code == '" + ZD + "' }.indicators.find { it.figure == 'problems' }";
        assertEquals(17, j.getInt(zdProblems + ".rank"), "fewer is better: 16 units found fewer problems");
        assertEquals(19, j.getInt("scores[1].entries.find { it.code == '" + GXQ + "' }.indicators.find { it.figure == 'problems' }.rank"));
        String html = Api.as("city", CITY).get(Q3 + "&format=html").asString();
        assertTrue(html.contains("得分按石家庄市2025年考核评分方案（第1版"), "the notes name the scheme that scored");
    }
}
