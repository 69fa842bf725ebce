package cn.doublerandom.report;

import cn.doublerandom.platform.ServiceClock;
import cn.doublerandom.publication.PublicationService;
import cn.doublerandom.support.Api;
import io.restassured.path.json.JsonPath;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.hamcrest.Matchers.oneOf;

/**
 * A quarter (2026Q2) of the city of Handan (130400, used by no other test) built through the API,
 * once per test run, with every figure known:
 * <ul>
 *   <li>邯山区 A (130402): 1 key and 3 general targets (t1 on the positive list), all drawn; results
 *   t0 04-10 CORRECTED (2 problems), t1 04-15 on site, t2 05-06 non-site (recorded late: published
 *   late), t3 05-20 PENDING_HANDLING non-site (held: overdue); targeted checks 06-03 (complaint,
 *   violation) and 06-10 (data lead, non-site).</li>
 *   <li>丛台区 B (130403): 1 key and 2 general (quota 3: short by 1); b0 04-20 CORRECTED, b1 05-12
 *   non-site, b2 06-30 non-site confidential; targeted 04-02 (violation), 05-05, 06-15 (non-site).</li>
 *   <li>复兴区 C (130404): 1 key and 3 general; c0 04-08 CORRECTED, c1 04-09 and c2 05-09 non-site,
 *   c3 inspected 07-02 (after the quarter); targeted 06-20 (non-site violation), 06-21, 06-22 (non-site).</li>
 *   <li>肥乡区 E (130407): its own policy (0.25 per officer), 1 key and 1 general, both inspected and
 *   published on time: the compliant one.</li>
 *   <li>峰峰矿区 (130406) has no inspectors; every other county of 130400 has nothing.</li>
 * </ul>
 * Publication runs on 04-30, 05-31, 06-30 and 07-15; nothing is left publishable (t3 held, b2
 * confidential), so later publication runs of other tests change nothing here.
 */
public final class ReportFixture {

    public static final String CITY = "130400";
    public static final String A = "130402";
    public static final String B = "130403";
    public static final String C = "130404";
    public static final String NO_INSPECTORS = "130406";
    public static final String E = "130407";
    public static final String ITEM_1 = "污染源日常监管（报表测试）";
    public static final String ITEM_2 = "固体废物管理（报表测试）";
    static final String[] PROBLEM_TYPES = {"DUST_CONTROL", "FACILITY_NOT_RUNNING", "EXCEEDING_STANDARDS"};

    /** By role ("A.t0", "B.b2", …): the target's USCC, its name, its team in force, its result id. */
    public static final Map<String, String> uscc = new LinkedHashMap<>();
    public static final Map<String, String> name = new LinkedHashMap<>();
    public static final Map<String, List<String>> team = new LinkedHashMap<>();
    public static final Map<String, String> result = new LinkedHashMap<>();
    public static final Map<String, String> draw = new LinkedHashMap<>();
    /** Targeted check ids in the order recorded. */
    public static final List<String> checks = new java.util.ArrayList<>();

    private static boolean built;

    private ReportFixture() {
    }

    public static synchronized void ensure(ServiceClock clock, PublicationService publication) {
        if (built) {
            return;
        }
        try {
            build(clock, publication);
            built = true;
        } finally {
            clock.use(Clock.systemUTC());
        }
    }

    static void at(ServiceClock clock, String instant) {
        clock.use(Clock.fixed(Instant.parse(instant), ZoneOffset.UTC));
    }

    private static void build(ServiceClock clock, PublicationService publication) {
        at(clock, "2026-04-01T02:00:00Z");
        Api.as("admin", CITY).body("{\"countyGeneralPerInspector\":2}").put("/api/v1/policies/" + CITY + "/2026")
                .then().statusCode(oneOf(200, 201));
        Api.as("admin", CITY).body("{\"countyGeneralPerInspector\":0.25}").put("/api/v1/policies/" + E + "/2026")
                .then().statusCode(oneOf(200, 201));
        long item1 = item(ITEM_1, "R1");
        long item2 = item(ITEM_2, "R2");
        county(A, new String[]{"t0", "t1", "t2", "t3"}, 4);
        county(B, new String[]{"b0", "b1", "b2"}, 4);
        county(C, new String[]{"c0", "c1", "c2", "c3"}, 4);
        county(E, new String[]{"e0", "e1"}, 2);
        for (String county : List.of(A, B, C, E)) {
            drawAll(county, item1, item2);
        }

        at(clock, "2026-04-30T02:00:00Z");
        record("A.t0", "2026-04-10", "CORRECTED", 2, false, "");
        record("A.t1", "2026-04-15", "NO_PROBLEM", 0, false, "");
        record("B.b0", "2026-04-20", "CORRECTED", 1, false, "");
        record("C.c0", "2026-04-08", "CORRECTED", 1, false, "");
        record("C.c1", "2026-04-09", "NO_PROBLEM", 0, true, "");
        record("E.e0", "2026-04-16", "NO_PROBLEM", 0, false, "");
        record("E.e1", "2026-04-17", "NO_PROBLEM", 0, true, "");
        targeted(B, "2026-04-02", "COMPLAINT", 1, false);
        publication.run();

        at(clock, "2026-05-31T02:00:00Z");
        record("B.b1", "2026-05-12", "NO_PROBLEM", 0, true, "");
        record("C.c2", "2026-05-09", "NO_PROBLEM", 0, true, "");
        record("A.t3", "2026-05-20", "PENDING_HANDLING", 1, true, "");
        Api.operator(A).body("{\"reason\":\"待立案调查终结后公示\"}").post("/api/v1/results/" + result.get("A.t3") + "/hold")
                .then().statusCode(200);
        targeted(B, "2026-05-05", "ASSIGNED", 0, false);
        publication.run();

        at(clock, "2026-06-30T02:00:00Z");
        record("A.t2", "2026-05-06", "NO_PROBLEM", 0, true, "");
        record("B.b2", "2026-06-30", "NO_PROBLEM", 0, true, ",\"confidential\":true,\"confidentialReason\":\"涉及国家安全\"");
        targeted(A, "2026-06-03", "COMPLAINT", 1, false);
        targeted(A, "2026-06-10", "DATA_LEAD", 0, true);
        targeted(B, "2026-06-15", "DATA_LEAD", 0, true);
        targeted(C, "2026-06-20", "DATA_LEAD", 1, true);
        targeted(C, "2026-06-21", "COMPLAINT", 0, false);
        targeted(C, "2026-06-22", "REFERRAL", 0, true);
        publication.run();

        at(clock, "2026-07-15T02:00:00Z");
        record("C.c3", "2026-07-02", "NO_PROBLEM", 0, true, "");
        publication.run();
    }

    private static long item(String itemName, String seq) {
        return ((Number) Api.as("admin", CITY).body("""
                {"regionCode":"130400","seqNo":"%s","name":"%s","category":"GENERAL","targetType":"排污单位",
                 "inspectingLevel":"COUNTY_AND_ABOVE","legalBasis":"《中华人民共和国环境保护法》","content":"排污许可执行情况",
                 "methods":["ON_SITE","TECHNOLOGY"],"jointInspection":false}""".formatted(seq, itemName))
                .post("/api/v1/items").then().statusCode(201).extract().path("id")).longValue();
    }

    /** The first role is the key target; the others general (the second of A on the positive list). */
    private static void county(String county, String[] roles, int inspectors) {
        String letter = county.equals(A) ? "A" : county.equals(B) ? "B" : county.equals(C) ? "C" : "E";
        StringBuilder csv = new StringBuilder("统一社会信用代码,单位名称,行政区划代码,排污许可管理类别,环境信用等级,运营状态,正面清单起始日期\n");
        for (int i = 0; i < roles.length; i++) {
            String role = letter + "." + roles[i];
            String u = Api.uscc(county);
            String n = "报表" + letter + (i == 0 ? "重点化工厂" : "一般建材厂") + roles[i];
            uscc.put(role, u);
            name.put(role, n);
            String positive = county.equals(A) && i == 1 ? "2026-01-01" : "";
            csv.append(u).append(',').append(n).append(',').append(county).append(i == 0 ? ",重点管理" : ",登记管理")
                    .append(",B,生产,").append(positive).append('\n');
        }
        Api.operator(county).contentType("text/csv").body(csv.toString().getBytes(StandardCharsets.UTF_8))
                .post("/api/v1/targets/import").then().statusCode(200);
        StringBuilder staff = new StringBuilder("人员编号,姓名,行政区划代码,执法证号,执法证有效期至,状态,持证执法人员,辅助检查人员\n");
        for (int i = 1; i <= inspectors; i++) {
            staff.append(inspector(county, i)).append(",报表执法员").append(letter).append(i).append(',').append(county)
                    .append(",冀环执字报表").append(letter).append(i).append(",2030-12-31,在岗,是,否\n");
        }
        Api.operator(county).contentType("text/csv").body(staff.toString().getBytes(StandardCharsets.UTF_8))
                .post("/api/v1/inspectors/import").then().statusCode(200);
    }

    public static String inspector(String county, int i) {
        return "RP" + county + "-" + i;
    }

    /** Every target of the county is drawn: the quotas are at least the pool. */
    private static void drawAll(String county, long item1, long item2) {
        String id = Api.operator(county).body("{\"authority\":\"" + county + "\",\"quarter\":\"2026Q2\",\"items\":[" + item1 + ","
                + item2 + "]}").post("/api/v1/draws").then().statusCode(201).extract().path("id");
        JsonPath d = Api.operator(county).body("{\"seed\":\"report-" + county + "\"}").post("/api/v1/draws/" + id + "/execute")
                .then().statusCode(200).extract().jsonPath();
        List<Map<String, Object>> targets = d.getList("targets");
        String prefix = county.equals(A) ? "A." : county.equals(B) ? "B." : county.equals(C) ? "C." : "E.";
        long expected = uscc.keySet().stream().filter(k -> k.startsWith(prefix)).count();
        if (targets.size() != expected) {
            throw new IllegalStateException(county + ": expected every target drawn, got " + targets);
        }
        for (Map<String, Object> t : targets) {
            String role = uscc.entrySet().stream().filter(e -> e.getValue().equals(t.get("uscc"))).findFirst().orElseThrow().getKey();
            @SuppressWarnings("unchecked")
            List<String> members = (List<String>) t.get("team");
            team.put(role, members);
            draw.put(role, id);
        }
    }

    static String problems(int n) {
        StringBuilder s = new StringBuilder("[");
        for (int i = 0; i < n; i++) {
            s.append(i == 0 ? "" : ",").append("{\"type\":\"").append(PROBLEM_TYPES[i]).append("\",\"description\":\"问题")
                    .append(i + 1).append("\"}");
        }
        return s.append(']').toString();
    }

    private static void record(String role, String date, String wording, int problems, boolean nonSite, String extra) {
        String county = role.startsWith("A") ? A : role.startsWith("B") ? B : role.startsWith("C") ? C : E;
        String handling = wording.equals("NO_PROBLEM") ? "[\"NONE\"]"
                : wording.equals("CORRECTED") ? "[\"IMMEDIATE_CORRECTION\"]" : "[\"CASE_FILED\"]";
        List<String> members = team.get(role);
        String body = "{\"drawId\":\"" + draw.get(role) + "\",\"uscc\":\"" + uscc.get(role) + "\",\"inspectionDate\":\"" + date
                + "\",\"determinationDate\":\"" + date + "\",\"wording\":\"" + wording + "\",\"problems\":" + problems(problems)
                + ",\"handling\":" + handling + ",\"violationFound\":" + !wording.equals("NO_PROBLEM") + ",\"nonSite\":" + nonSite
                + ",\"team\":[\"" + members.get(0) + "\",\"" + members.get(1) + "\"]" + extra + "}";
        result.put(role, Api.operator(county).body(body).post("/api/v1/results").then().statusCode(201).extract().path("id"));
    }

    /** A targeted check of the county's first listed target by inspectors 1 and 2. */
    private static void targeted(String county, String date, String source, int problems, boolean nonSite) {
        String target = uscc.get(Map.of(A, "A.t0", B, "B.b0", C, "C.c0").get(county));
        String body = "{\"uscc\":\"" + target + "\",\"source\":\"" + source + "\",\"sourceReference\":\"12345-" + checks.size()
                + "\",\"inspectionDate\":\"" + date + "\",\"problems\":" + problems(problems) + ",\"handling\":"
                + (problems > 0 ? "[\"CORRECTION_DEADLINE\"]" : "[\"NONE\"]") + ",\"violationFound\":" + (problems > 0)
                + ",\"nonSite\":" + nonSite + ",\"team\":[\"" + inspector(county, 1) + "\",\"" + inspector(county, 2) + "\"]}";
        checks.add(Api.operator(county).body(body).post("/api/v1/checks").then().statusCode(201).extract().path("id"));
    }
}
