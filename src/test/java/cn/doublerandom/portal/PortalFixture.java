package cn.doublerandom.portal;

import cn.doublerandom.platform.ServiceClock;
import cn.doublerandom.publication.PublicationService;
import cn.doublerandom.support.Api;
import io.restassured.path.json.JsonPath;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;

import java.io.IOException;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.hamcrest.Matchers.oneOf;

/**
 * Published results of 井陉矿区 (130107, used by no other test) for the portal pages, set up once per
 * test run: a 2026Q4 draw of two items whose targets carry hostile names, three results published on
 * 12 October (the key target's with an outcome per item: 发现问题已责令改正 and 未发现问题), one withheld
 * as confidential, and a correction of the key result published on 14 October. The draw is then
 * public with its hashes only (a result is withheld).
 */
final class PortalFixture {

    static final String COUNTY = "130107";
    static final String SCRIPT = "<script>alert(1)</script>";
    static final String IMG = "\"><img src=x onerror=alert(1)>";
    static final String SECRET_NAME = "井陉矿区门户保密建材厂";
    static final String PLAIN_NAME = "井陉矿区门户测试建材厂";
    static final String ITEM_1 = "污染源日常监管（门户测试）";
    static final String ITEM_2 = "固体废物贮存管理（门户测试）";
    /** Item 1's note where the service reads what the source list leaves out, as the demo's item 1 has. */
    static final String READING_NOTE = "来源清单缺失本项的检查层级。本服务的理解：县级以上生态环境部门均可抽取（门户测试）。";

    static String drawId;
    /** Result ids by role: key (the selected key target, corrected), img, plain, secret. */
    static final Map<String, String> ids = new LinkedHashMap<>();
    /** USCCs by the same roles. */
    static final Map<String, String> usccs = new LinkedHashMap<>();
    static final Map<String, String> names = new LinkedHashMap<>();

    private PortalFixture() {
    }

    static synchronized void ensure(ServiceClock clock, PublicationService publication) {
        if (drawId != null) {
            return;
        }
        try {
            setUp(clock, publication);
        } finally {
            clock.use(Clock.systemUTC());
        }
    }

    private static void setUp(ServiceClock clock, PublicationService publication) {
        clock.use(Clock.fixed(Instant.parse("2026-10-09T02:00:00Z"), ZoneOffset.UTC));
        Api.as("admin", "130100").body("{}").put("/api/v1/policies/130100/2026").then().statusCode(oneOf(200, 201));
        long[] itemIds = new long[2];
        String[] itemNames = {ITEM_1, ITEM_2};
        for (int i = 0; i < 2; i++) {
            itemIds[i] = ((Number) Api.as("admin", "130100").body("""
                    {"regionCode":"130100","seqNo":"P%d","name":"%s","category":"GENERAL","targetType":"排污单位",
                     "inspectingLevel":"COUNTY_AND_ABOVE","legalBasis":"《中华人民共和国环境保护法》","content":"排污许可执行情况",
                     "methods":["ON_SITE","TECHNOLOGY"],"jointInspection":false%s}""".formatted(i + 1, itemNames[i],
                    i == 0 ? ",\"readingNote\":\"" + READING_NOTE + "\"" : ""))
                    .post("/api/v1/items").then().statusCode(201).extract().path("id")).longValue();
        }
        Map<String, String> nameOf = new LinkedHashMap<>();
        StringWriter csv = new StringWriter();
        try (CSVPrinter p = new CSVPrinter(csv, CSVFormat.DEFAULT)) {
            p.printRecord("统一社会信用代码", "单位名称", "行政区划代码", "排污许可管理类别", "环境信用等级", "运营状态");
            for (int i = 0; i < 4; i++) {
                String u = Api.uscc(COUNTY);
                nameOf.put(u, "井陉矿区" + SCRIPT + "化工有限公司" + i);
                p.printRecord(u, nameOf.get(u), COUNTY, "重点管理", "B", "生产");
            }
            String[] generals = {"井陉矿区" + IMG + "建材厂", PLAIN_NAME, SECRET_NAME};
            for (String g : generals) {
                String u = Api.uscc(COUNTY);
                nameOf.put(u, g);
                p.printRecord(u, g, COUNTY, "登记管理", "B", "生产");
            }
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        Api.operator(COUNTY).contentType("text/csv").body(csv.toString().getBytes(StandardCharsets.UTF_8))
                .post("/api/v1/targets/import").then().statusCode(200);
        StringBuilder staff = new StringBuilder("人员编号,姓名,行政区划代码,执法证号,执法证有效期至,状态,持证执法人员,辅助检查人员\n");
        for (int i = 1; i <= 4; i++) {
            staff.append("R").append(COUNTY).append("-").append(i).append(",门户执法员").append(i).append(',').append(COUNTY)
                    .append(",冀环执字门户").append(i).append(",2030-12-31,在岗,是,否\n");
        }
        Api.operator(COUNTY).contentType("text/csv").body(staff.toString().getBytes(StandardCharsets.UTF_8))
                .post("/api/v1/inspectors/import").then().statusCode(200);
        String id = Api.operator(COUNTY).body("{\"authority\":\"" + COUNTY + "\",\"quarter\":\"2026Q4\",\"items\":[" + itemIds[0] + "," + itemIds[1] + "]}")
                .post("/api/v1/draws").then().log().ifValidationFails().statusCode(201).extract().path("id");
        JsonPath draw = Api.operator(COUNTY).body("{\"seed\":\"portal-pages-" + COUNTY + "\"}").post("/api/v1/draws/" + id + "/execute")
                .then().statusCode(200).extract().jsonPath();
        List<Map<String, Object>> targets = draw.getList("targets");
        if (targets.size() != 4) {
            throw new IllegalStateException("expected 1 key and 3 general targets selected, got " + targets);
        }
        clock.use(Clock.fixed(Instant.parse("2026-10-12T02:00:00Z"), ZoneOffset.UTC));
        for (Map<String, Object> t : targets) {
            String u = (String) t.get("uscc");
            String name = nameOf.get(u);
            String role = name.contains(SCRIPT) ? "key" : name.contains(IMG) ? "img" : name.equals(PLAIN_NAME) ? "plain" : "secret";
            @SuppressWarnings("unchecked")
            List<String> team = (List<String>) t.get("team");
            String extra = role.equals("secret") ? ",\"confidential\":true,\"confidentialReason\":\"涉及国家安全\"" : "";
            String wording = role.equals("key") ? "CORRECTED" : "NO_PROBLEM";
            String body = body(id, u, team, "2026-10-10", wording, extra);
            if (role.equals("key")) {
                body = perItem(body, itemIds);
            }
            ids.put(role, Api.operator(COUNTY).body(body).post("/api/v1/results").then().statusCode(201).extract().path("id"));
            usccs.put(role, u);
            names.put(role, name);
            if (role.equals("key")) {
                ids.put("keyBody", perItem(body(id, u, team, "2026-10-09", wording, ""), itemIds));
            }
        }
        publication.run();
        clock.use(Clock.fixed(Instant.parse("2026-10-14T02:00:00Z"), ZoneOffset.UTC));
        String correction = ids.remove("keyBody").replaceAll("\"drawId\":\"[^\"]+\",\"uscc\":\"[^\"]+\",", "")
                .replaceFirst("\\{", "{\"reason\":\"检查日期录入错误\",");
        Api.operator(COUNTY).body(correction).post("/api/v1/results/" + ids.get("key") + "/corrections").then().statusCode(201);
        publication.run();
        drawId = id;
    }

    /** The key target's outcome per item: the first item's problem corrected, nothing found on the second. */
    private static String perItem(String body, long[] itemIds) {
        return body.replace("\"wording\":\"CORRECTED\"", "\"items\":[{\"itemId\":" + itemIds[0]
                + ",\"wording\":\"CORRECTED\"},{\"itemId\":" + itemIds[1] + ",\"wording\":\"NO_PROBLEM\"}]");
    }

    private static String body(String drawId, String uscc, List<String> team, String date, String wording, String extra) {
        String problems = wording.equals("NO_PROBLEM") ? "[]" : "[{\"type\":\"DUST_CONTROL\",\"description\":\"料场未苫盖，扬尘明显\"}]";
        String handling = wording.equals("NO_PROBLEM") ? "[\"NONE\"]" : "[\"IMMEDIATE_CORRECTION\"]";
        return "{\"drawId\":\"" + drawId + "\",\"uscc\":\"" + uscc + "\",\"inspectionDate\":\"" + date
                + "\",\"determinationDate\":\"" + date + "\",\"wording\":\"" + wording + "\",\"problems\":" + problems
                + ",\"handling\":" + handling + ",\"violationFound\":" + !wording.equals("NO_PROBLEM")
                + ",\"nonSite\":false,\"team\":[\"" + team.get(0) + "\",\"" + team.get(1) + "\"]" + extra + "}";
    }
}
