package cn.doublerandom.draw;

import cn.doublerandom.draw.engine.Sha256;
import cn.doublerandom.platform.ServiceClock;
import cn.doublerandom.support.Api;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.hamcrest.Matchers.endsWith;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A county's real quarter (巨鹿县, 2026年第四季度): targets of three object kinds (排污单位, 机动车销售企业,
 * 建设项目), items of three divisions, two undirected division draws and one internal joint inspection.
 * The class quotas are the county's across the three draws: each draw's Q lines are the requirement less
 * what the earlier draws selected, and the plan endpoint shows requirement, done and remaining after each.
 * Every draw is replayed by the auditors' standard-library Python exactly as docs/auditors.md prints it.
 */
@QuarkusTest
class CountyQuarterScenarioTest {

    private static final String COUNTY = "130529";
    private static final String QUARTER = "2026Q4";
    private static final String EIA = "环境影响评价科（场景）";
    private static final String AIR = "大气环境科（场景）";
    private static final String PERMITS = "排污许可科（场景）";
    private static final List<String> CLASSES = List.of("KEY", "SPECIAL", "GENERAL");

    @Inject
    ServiceClock clock;

    @BeforeEach
    void october() {
        clock.use(Clock.fixed(Instant.parse("2026-10-09T02:00:00Z"), ZoneOffset.UTC));
    }

    @AfterEach
    void realClock() {
        clock.use(Clock.systemUTC());
    }

    /** A target as registered: its class, its object kinds, whether it qualifies for 科技检查. */
    private record Target(String uscc, String cls, Set<String> kinds, boolean qualified, boolean producing) {
    }

    /** An item as created: its id, object kinds and whether it allows 科技检查. */
    private record Item(long id, Set<String> kinds, boolean technology) {
    }

    private final Map<String, Target> targets = new LinkedHashMap<>();

    private void target(StringBuilder csv, String cls, String name, String monitoring, String permit, String credit, String status,
                        String kindLabels, Set<String> kinds) {
        String u = Api.uscc(COUNTY);
        csv.append(u).append(',').append(name).append(',').append(COUNTY).append(',').append(monitoring).append(',').append(permit)
                .append(',').append(credit).append(',').append(status).append(',').append(kindLabels).append('\n');
        targets.put(u, new Target(u, cls, kinds, !monitoring.isEmpty(), status.equals("生产")));
    }

    private void registries() {
        StringBuilder csv = new StringBuilder("统一社会信用代码,单位名称,行政区划代码,监控类型,排污许可管理类别,环境信用等级,运营状态,检查对象类型\n");
        Set<String> discharger = Set.of("POLLUTANT_DISCHARGER");
        for (int i = 0; i < 12; i++) {
            // key dischargers, every third with complete non-site facilities; the first is also building an extension
            target(csv, "KEY", "重点排污单位" + i, i % 3 == 0 ? "在线监测、分表计电" : "", "重点管理", "B", "生产",
                    i == 1 ? "建设项目" : "", i == 1 ? Set.of("POLLUTANT_DISCHARGER", "CONSTRUCTION_PROJECT") : discharger);
        }
        target(csv, "KEY", "停产排污单位", "", "重点管理", "B", "停产", "", discharger);
        for (int i = 0; i < 3; i++) {
            target(csv, "SPECIAL", "失信排污单位" + i, "", "简化管理", "D", "生产", "", discharger);
        }
        target(csv, "SPECIAL", "失信机动车销售企业", "", "", "D", "生产", "机动车销售企业", Set.of("VEHICLE_SELLER"));
        for (int i = 0; i < 4; i++) {
            target(csv, "GENERAL", "登记排污单位" + i, i == 0 ? "在线监测、分表计电" : "", "登记管理", "B", "生产", "", discharger);
        }
        for (int i = 0; i < 3; i++) {
            target(csv, "GENERAL", "机动车销售企业" + i, "", "", "B", "生产", "机动车销售企业", Set.of("VEHICLE_SELLER"));
        }
        for (int i = 0; i < 3; i++) {
            target(csv, "GENERAL", "建设项目" + i, i == 0 ? "在线监测、分表计电" : "", "", "B", "生产", "建设项目",
                    Set.of("CONSTRUCTION_PROJECT"));
        }
        Api.operator(COUNTY).contentType("text/csv").body(csv.toString().getBytes(StandardCharsets.UTF_8))
                .post("/api/v1/targets/import").then().statusCode(200);
        StringBuilder staff = new StringBuilder("人员编号,姓名,行政区划代码,执法证号,执法证有效期至,状态,持证执法人员,辅助检查人员,回避企业\n");
        for (int i = 1; i <= 6; i++) {
            staff.append("J").append(COUNTY).append("-0").append(i).append(",执法员").append(i).append(',').append(COUNTY)
                    .append(",冀环执字52").append(i).append(",2030-12-31,在岗,是,否,\n");
        }
        staff.append("J").append(COUNTY).append("-90,辅助专家,").append(COUNTY).append(",,,在岗,否,是,\n");
        staff.append("J").append(COUNTY).append("-91,休假人员,").append(COUNTY).append(",冀环执字5291,2030-12-31,休假,是,否,\n");
        Api.operator(COUNTY).contentType("text/csv").body(staff.toString().getBytes(StandardCharsets.UTF_8))
                .post("/api/v1/inspectors/import").then().statusCode(200);
    }

    private static Item item(String division, String level, List<String> kinds, boolean technology) {
        long id = ((Number) Api.as("admin", COUNTY).body("""
                {"regionCode":"%s","seqNo":"52","name":"%s的检查事项（场景）","category":"GENERAL","targetType":"场景对象",
                 "inspectingLevel":"%s","legalBasis":"《中华人民共和国环境保护法》","content":"检查内容",
                 "methods":%s,"jointInspection":true,"objectKinds":["%s"],"responsibleDivision":"%s"}"""
                .formatted(COUNTY, division, level, technology ? "[\"ON_SITE\",\"TECHNOLOGY\"]" : "[\"ON_SITE\"]",
                        String.join("\",\"", kinds), division))
                .post("/api/v1/items").then().statusCode(201).extract().path("id")).longValue();
        return new Item(id, Set.copyOf(kinds), technology);
    }

    private static Response prepare(List<Item> items, String extra) {
        return Api.operator(COUNTY).body("{\"authority\":\"" + COUNTY + "\",\"quarter\":\"" + QUARTER + "\",\"items\":["
                + String.join(",", items.stream().map(i -> Long.toString(i.id())).toList()) + "]" + extra + "}")
                .post("/api/v1/draws");
    }

    private static JsonPath plan() {
        return Api.operator(COUNTY).get("/api/v1/plans/" + COUNTY + "/" + QUARTER).then().statusCode(200).extract().jsonPath();
    }

    private static int drawCount() {
        return Api.operator(COUNTY).get("/api/v1/draws?authority=" + COUNTY + "&quarter=" + QUARTER).then().statusCode(200)
                .extract().jsonPath().getList("items").size();
    }

    @Test
    void aCountysQuarterOfDivisionDrawsAndAJointInspection() throws Exception {
        registries();
        Api.as("admin", COUNTY).body("""
                {"countyGeneralPerInspector":1,"jointYearlyInspections":40,"jointYearlySubjects":100,
                 "changeReason":"县双随机办下达的年度联合抽查任务"}""").put("/api/v1/policies/" + COUNTY + "/2026").then().statusCode(201);
        Item eia = item(EIA, "COUNTY_AND_ABOVE", List.of("CONSTRUCTION_PROJECT"), false);
        Item vehicles = item(AIR, "COUNTY_AND_ABOVE", List.of("VEHICLE_SELLER"), false);
        Item air = item(AIR, "COUNTY_AND_ABOVE", List.of("POLLUTANT_DISCHARGER", "CONSTRUCTION_PROJECT"), true);
        Item permits = item(PERMITS, "COUNTY_AND_ABOVE", List.of("POLLUTANT_DISCHARGER"), true);
        Item cityOnly = item(PERMITS, "CITY_AND_ABOVE", List.of("POLLUTANT_DISCHARGER"), true);

        // the requirement before any draw, from the registry: key 25% of 12 → 3, special 50% of 4 → 2,
        // general 1 per officer a year, the whole of it in the last quarter → 6; one joint draw at least, and
        // 3% of the office's 40 joint inspections and 100 subjects → 2 draws and 3 targets
        Map<String, Integer> requirement = Map.of("KEY", 3, "SPECIAL", 2, "GENERAL", 6);
        Map<String, Long> operating = Map.of("KEY", 12L, "SPECIAL", 4L, "GENERAL", 10L);
        JsonPath before = plan();
        assertEquals("REGISTRY", before.getString("requirementFrom"));
        assertEquals("2026年第四季度", before.getString("quarterName"));
        assertTrue(before.getString("authorityName").contains("巨鹿县"), before.getString("authorityName"));
        checkClasses(before, requirement, operating, Map.of());
        for (String division : List.of(EIA, AIR, PERMITS)) {
            assertEquals(false, division(before, division).get("undirectedDrawn"), division);
        }
        checkJoint(before, 0, 0);

        // bad input, each a problem that writes nothing
        prepare(List.of(eia), ",\"division\":\"" + PERMITS + "\"").then().statusCode(422)
                .body("type", endsWith("/problems/invalid-items")).body("errors[0].field", equalTo("division"));
        prepare(List.of(cityOnly), "").then().statusCode(422).body("type", endsWith("/problems/invalid-items"))
                .body("errors[0].field", equalTo("items[0]")).body("errors[0].value", equalTo(Long.toString(cityOnly.id())));
        prepare(List.of(permits, eia), ",\"division\":\"" + PERMITS + "\"").then().statusCode(422)
                .body("errors[0].field", equalTo("items")).body("errors[0].value", equalTo(Long.toString(eia.id())));
        badPlanRequests();
        assertEquals(0, drawCount(), "no refused request wrote a draw");

        // the quarter: the EIA division, the air division, then a joint inspection led by the permit division
        List<List<Item>> itemsOf = List.of(List.of(eia), List.of(vehicles), List.of(permits, air, eia));
        List<String> extras = List.of("", "", ",\"division\":\"" + PERMITS + "\",\"joint\":true");
        List<String> leads = List.of(EIA, AIR, PERMITS);
        Map<String, Long> done = new HashMap<>();
        Set<String> drawn = new HashSet<>();
        List<String> ids = new ArrayList<>();
        Map<String, Map<String, Long>> byDivision = new HashMap<>();
        for (int d = 0; d < 3; d++) {
            List<Item> items = itemsOf.get(d);
            JsonPath prepared = prepare(items, extras.get(d)).then().statusCode(201).body("division", equalTo(leads.get(d)))
                    .body("joint", equalTo(d == 2)).extract().jsonPath();
            String id = prepared.getString("id");
            ids.add(id);
            // each class's quota is the requirement less what the earlier draws selected, never below 0
            for (String c : CLASSES) {
                Map<String, Object> stratum = prepared.getMap("plan.strata.find { it.stratum == '" + c + "' }");
                long earlier = done.getOrDefault(c, 0L);
                assertEquals(requirement.get(c), stratum.get("requirement"), id + " " + c);
                assertEquals(earlier, ((Number) stratum.get("selectedEarlierThisQuarter")).longValue(), id + " " + c);
                assertEquals((int) Math.max(0, requirement.get(c) - earlier), stratum.get("quota"), id + " " + c);
            }

            JsonPath executed = Api.operator(COUNTY).body("{\"seed\":\"5290000" + d + "\"}").post("/api/v1/draws/" + id + "/execute")
                    .then().statusCode(200).body("status", equalTo("EXECUTED")).extract().jsonPath();
            JsonPath export = Api.as("auditor", "130500").get("/api/v1/draws/" + id + "/export").then().statusCode(200)
                    .extract().jsonPath();
            String snapshot = export.getString("snapshot");
            assertEquals(export.getString("poolHash"), Sha256.hex(snapshot));
            Map<String, String> pool = new HashMap<>();
            Map<String, Integer> q = new HashMap<>();
            for (String line : snapshot.split("\n")) {
                String[] f = line.split(" ");
                if (f[0].equals("T")) {
                    pool.put(f[2], f[1]);
                } else if (f[0].equals("Q")) {
                    q.put(f[1], Integer.parseInt(f[2]));
                }
            }
            // the Q lines carry the quarter's quotas (DRAW-1 §4 unchanged)
            for (String c : CLASSES) {
                assertEquals((int) Math.max(0, requirement.get(c) - done.getOrDefault(c, 0L)), q.get(c), id + " Q " + c);
            }
            // the pool: producing targets not drawn earlier this quarter, each in its class's stratum, and
            // every one of them to which an item of the draw applies
            for (Map.Entry<String, String> e : pool.entrySet()) {
                Target t = targets.get(e.getKey());
                assertTrue(t.producing(), e.getKey() + " is halted");
                assertFalse(drawn.contains(e.getKey()), e.getKey() + " was drawn earlier this quarter");
                assertEquals(t.cls(), e.getValue(), e.getKey());
            }
            for (Target t : targets.values()) {
                if (t.producing() && !drawn.contains(t.uscc()) && !applicable(items, t).isEmpty()) {
                    assertTrue(pool.containsKey(t.uscc()), id + ": " + t.uscc() + " of " + t.kinds() + " is missing from the pool");
                }
            }

            // each selected target: its class's stratum, never twice in the quarter, and a visit covering
            // exactly the draw's items that apply to it, by technology only when it qualifies and each allows it
            List<Map<String, Object>> selected = executed.getList("targets");
            Map<String, Long> selectedHere = new HashMap<>();
            for (Map<String, Object> s : selected) {
                String uscc = (String) s.get("uscc");
                Target t = targets.get(uscc);
                assertTrue(drawn.add(uscc), uscc + " was drawn twice in " + QUARTER);
                assertEquals(t.cls(), s.get("stratum"), uscc);
                List<Item> visit = applicable(items, t);
                boolean technology = t.qualified() && !visit.isEmpty() && visit.stream().allMatch(Item::technology);
                assertEquals(technology ? "TECHNOLOGY" : "ON_SITE", s.get("method"), id + " " + uscc + " of " + t.kinds());
                checkVisit(id, t, visit, s.get("items"));
                selectedHere.merge((String) s.get("stratum"), 1L, Long::sum);
            }
            selectedHere.forEach((c, n) -> done.merge(c, n, Long::sum));
            byDivision.put(leads.get(d), selectedHere);

            // the auditors' Python, as docs/auditors.md prints it, gives the execute record's result lines
            assertEquals(String.join("\n", export.getList("result", String.class)), replayByTheDocsPython(snapshot,
                    export.getString("seed")), id);
            Api.operator(COUNTY).get("/api/v1/draws/" + id + "/replay").then().statusCode(200).body("matches", equalTo(true));

            // the plan after this draw: what the three draws did so far, and what remains
            JsonPath after = plan();
            assertEquals("DRAW", after.getString("requirementFrom"));
            assertEquals(id, after.getString("requirementDraw"));
            checkClasses(after, requirement, operating, done);
            Map<String, Object> line = division(after, leads.get(d));
            assertEquals(true, line.get("undirectedDrawn"), leads.get(d));
            assertEquals(asLongs(selectedHere), asLongs(castMap(line.get("done"))), leads.get(d));
            checkJoint(after, d == 2 ? 1 : 0, d == 2 ? selected.size() : 0);
            if (d == 0) {
                // a second undirected draw of the same division is refused and writes nothing
                prepare(List.of(eia), "").then().statusCode(409).body("type", endsWith("/problems/draw-conflict"))
                        .body("errors[0].field", equalTo("division")).body("errors[0].value", equalTo(EIA));
                assertEquals(1, drawCount());
            }
        }
        assertEquals(3, drawCount());
        assertTrue(done.values().stream().mapToLong(Long::longValue).sum() > 0, "the quarter drew nobody");
        // the quarter's quotas were shared: no class was selected past its requirement across the three draws
        for (String c : CLASSES) {
            assertTrue(done.getOrDefault(c, 0L) <= requirement.get(c), c + ": " + done);
        }
        // the compliance report counts the quarter's three draws against the same requirement
        JsonPath compliance = Api.operator(COUNTY).accept("application/json")
                .get("/api/v1/reports/compliance?region=" + COUNTY + "&quarter=" + QUARTER).then().statusCode(200).extract().jsonPath();
        for (String c : CLASSES) {
            Map<String, Object> row = compliance.getMap("authorities.find { it.authority == '" + COUNTY + "' }.classes.find { it.supervisionClass == '"
                    + c + "' }");
            assertEquals(requirement.get(c), row.get("required"), c);
            assertEquals(done.getOrDefault(c, 0L), ((Number) row.get("drawn")).longValue(), c);
        }
        // a city reads its county's plan, an auditor of the city too
        Api.as("city", "130500").get("/api/v1/plans/" + COUNTY + "/" + QUARTER).then().statusCode(200)
                .body("requirementDraw", equalTo(ids.get(2)));
        Api.as("auditor", "130500").get("/api/v1/plans/" + COUNTY + "/" + QUARTER).then().statusCode(200)
                .body("joint.draws", equalTo(1));
    }

    private void badPlanRequests() {
        for (String quarter : List.of("2026Q5", "2026q4", "2026Q04", "1999Q4", "2101Q1", "99999999999999999999Q1", "２０２６Q4",
                "2026Q4 ", "Q4", "-1Q1", "2026Q" + "4".repeat(1500))) {
            Api.operator(COUNTY).get("/api/v1/plans/" + COUNTY + "/{q}", quarter).then().statusCode(400)
                    .body("type", endsWith("/problems/validation-failed")).body("errors[0].field", equalTo("quarter"));
        }
        Api.operator(COUNTY).get("/api/v1/plans/13O529/" + QUARTER).then().statusCode(400)
                .body("errors[0].field", equalTo("authority"));
        Api.as("auditor", "ALL").get("/api/v1/plans/139998/" + QUARTER).then().statusCode(422)
                .body("type", endsWith("/problems/unknown-region"));
        // outside the caller's region: another county, a county of another city, a city's own plan for an operator
        Api.operator(COUNTY).get("/api/v1/plans/130522/" + QUARTER).then().statusCode(403).body("type", endsWith("/problems/forbidden"));
        Api.operator(COUNTY).get("/api/v1/plans/130500/" + QUARTER).then().statusCode(403);
        Api.as("city", "130100").get("/api/v1/plans/" + COUNTY + "/" + QUARTER).then().statusCode(403);
        Api.as("auditor", "130100").get("/api/v1/plans/" + COUNTY + "/" + QUARTER).then().statusCode(403);
        Api.anonymous().get("/api/v1/plans/" + COUNTY + "/" + QUARTER).then().statusCode(401);
    }

    /** The visit lists exactly the applicable items, once each, each by the plan's method and ground. */
    @SuppressWarnings("unchecked")
    private static void checkVisit(String id, Target t, List<Item> applicable, Object listed) {
        List<Map<String, Object>> visit = (List<Map<String, Object>>) listed;
        String at = id + " " + t.uscc() + " of " + t.kinds();
        assertTrue(visit != null, at + " has no visit items");
        Map<Long, Item> expected = new HashMap<>();
        applicable.forEach(i -> expected.put(i.id(), i));
        assertEquals(expected.size(), visit.size(), at + ": " + visit);
        for (Map<String, Object> v : visit) {
            Item i = expected.remove(((Number) v.get("itemId")).longValue());
            assertTrue(i != null, at + " was given an item that does not apply to it, or one twice: " + v);
            boolean technology = t.qualified() && i.technology();
            assertEquals(technology ? "TECHNOLOGY" : "ON_SITE", v.get("method"), at + " item " + i.id());
            assertEquals(technology ? "科技检查" : "实地检查", v.get("methodLabel"), at + " item " + i.id());
            assertEquals(!technology, v.get("unannounced"), at + " item " + i.id());
            assertEquals(!t.qualified() ? "FACILITIES_INCOMPLETE" : technology ? "NON_SITE_QUALIFIED" : "ITEM_NEEDS_SITE",
                    v.get("ground"), at + " item " + i.id());
        }
    }

    private static void checkClasses(JsonPath plan, Map<String, Integer> requirement, Map<String, Long> operating,
                                     Map<String, Long> done) {
        for (String c : CLASSES) {
            Map<String, Object> line = plan.getMap("classes.find { it.stratum == '" + c + "' }");
            long d = done.getOrDefault(c, 0L);
            assertEquals(requirement.get(c), line.get("requirement"), c);
            assertEquals(operating.get(c), ((Number) line.get("operating")).longValue(), c);
            assertEquals(d, ((Number) line.get("done")).longValue(), c);
            assertEquals((int) Math.max(0, requirement.get(c) - d), line.get("remaining"), c);
        }
    }

    private static void checkJoint(JsonPath plan, int draws, int selected) {
        Map<String, Object> joint = plan.getMap("joint");
        assertEquals(draws, ((Number) joint.get("draws")).intValue());
        assertEquals(selected, ((Number) joint.get("targets")).intValue());
        assertEquals(40, joint.get("yearlyInspections"));
        assertEquals(100, joint.get("yearlySubjects"));
        assertEquals(2, joint.get("requiredDraws"), "ceil(3% of 40), at least one");
        assertEquals(3, joint.get("requiredTargets"), "ceil(3% of 100)");
        assertEquals(false, joint.get("met"), "one joint draw of the two required");
    }

    private static Map<String, Object> division(JsonPath plan, String name) {
        Map<String, Object> line = plan.getMap("divisions.find { it.division == '" + name + "' }");
        assertTrue(line != null, name + " is not among the plan's divisions");
        return line;
    }

    private static List<Item> applicable(List<Item> items, Target t) {
        return items.stream().filter(i -> i.kinds().stream().anyMatch(t.kinds()::contains)).toList();
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> castMap(Object o) {
        return o == null ? Map.of() : (Map<String, Object>) o;
    }

    private static Map<String, Long> asLongs(Map<String, ?> m) {
        Map<String, Long> out = new HashMap<>();
        m.forEach((k, v) -> {
            long n = ((Number) v).longValue();
            if (n != 0) {
                out.put(k, n);
            }
        });
        return out;
    }

    /** Runs the replay block of docs/auditors.md, as an auditor pastes it, on the exported snapshot and seed. */
    private static String replayByTheDocsPython(String snapshot, String seed) throws Exception {
        String doc = Files.readString(Path.of("docs/auditors.md"), StandardCharsets.UTF_8);
        String marker = "<!-- audit/replay_draw1.py: kept identical by ReadmeReplayTest -->\n```python\n";
        int from = doc.indexOf(marker);
        assertTrue(from >= 0, "docs/auditors.md lost the replay block");
        from += marker.length();
        Path script = Files.createTempFile("replay_draw1", ".py");
        Files.writeString(script, doc.substring(from, doc.indexOf("```\n", from)), StandardCharsets.UTF_8);
        Path file = Files.createTempFile("snapshot", ".txt");
        Files.writeString(file, snapshot, StandardCharsets.UTF_8);
        Process p = new ProcessBuilder("python3", script.toString(), file.toString(), seed).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip();
        assertEquals(0, p.waitFor(), out);
        return out;
    }
}
