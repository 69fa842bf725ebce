package cn.doublerandom.draw;

import cn.doublerandom.calendar.Quarter;
import cn.doublerandom.draw.engine.Draw1;
import cn.doublerandom.draw.engine.DrawOutcome;
import cn.doublerandom.draw.engine.PoolSnapshot;
import cn.doublerandom.draw.engine.Seed;
import cn.doublerandom.item.ItemData;
import cn.doublerandom.platform.ServiceClock;
import cn.doublerandom.policy.PolicyData;
import cn.doublerandom.region.Region;
import cn.doublerandom.region.RegionDirectory;
import cn.doublerandom.draw.engine.PoolSnapshot;
import cn.doublerandom.draw.engine.Stratum;
import cn.doublerandom.registry.target.ObjectKind;
import cn.doublerandom.registry.target.SupervisionClass;
import cn.doublerandom.registry.target.TargetData;
import cn.doublerandom.support.Api;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The pool builder on {@code draw.pool}'s rules and its two sources builds the pools the builder before
 * it built, byte for byte: over seeded random registries of a city's counties (classes, statuses,
 * off-site monitoring, staff with specialties, recusals, leave and lapsed certificates), after earlier
 * draws of the year (executed, voided, directed), for each county, the city and the province (the
 * copy-in-memory path), undirected and directed. Same snapshot bytes, same stored plan, same off-site
 * list, and so the same DRAW-1 selection for a seed; except that an undirected draw's quotas are now
 * what the authority's earlier draws of the quarter left of the old builder's (one draw a quarter) quotas.
 * The old builder did not filter by object kind: for draws whose items name no kind the two must be equal;
 * for draws whose items name kinds the pool is the old one less the targets of no kind the items inspect,
 * with the E and K lines that say so.
 */
@QuarkusTest
class PoolBuilderEquivalenceTest {

    private static final String CITY = "130900";
    private static final List<String> COUNTIES = List.of("130902", "130903", "130921", "130922", "130923", "130924",
            "130925", "130926", "130927", "130928", "130929", "130930");
    private static final long FIRST_SEED = 15_150_001L;

    @Inject
    PoolBuilder now;

    @Inject
    PoolBuilderBefore before;

    @Inject
    RegionDirectory regions;

    @Inject
    DrawRequestRules requests;

    @Inject
    ServiceClock clock;

    @Inject
    cn.doublerandom.registry.target.TargetStore targets;

    private static final List<ObjectKind> OTHER_KINDS = List.of(ObjectKind.VEHICLE_SELLER, ObjectKind.HCFC_USER,
            ObjectKind.CONSTRUCTION_PROJECT);
    private long vehicles;
    private long hcfcAndProjects;
    private long filteredOut;

    private long plain;
    private long specialist;
    private final List<String> industries = List.of("纺织业", "化学原料", "电力");
    private final List<String> everyTarget = new ArrayList<>();
    private DrawPlan.Exclusions excluded = new DrawPlan.Exclusions(0, 0, 0, 0, 0);
    private int laterUndirected;

    @AfterEach
    void realClock() {
        clock.use(Clock.systemUTC());
    }

    @Test
    void theRulesModuleBuildsThePoolsTheOldBuilderBuilt() {
        on("2025-04-10");
        Api.as("admin", CITY).body("{\"yearlyCap\":2}").put("/api/v1/policies/" + CITY + "/2025").then()
                .statusCode(org.hamcrest.Matchers.oneOf(200, 201));
        plain = item("1", null, "");
        specialist = item("2", "water", "");
        vehicles = item("3", null, ",\"objectKinds\":[\"VEHICLE_SELLER\"]");
        hcfcAndProjects = item("4", null, ",\"objectKinds\":[\"HCFC_USER\",\"CONSTRUCTION_PROJECT\"]");
        for (int i = 0; i < COUNTIES.size(); i++) {
            registry(COUNTIES.get(i), new Random(FIRST_SEED + i), new Random(FIRST_SEED * 31 + i));
        }
        inspectors(CITY, new Random(FIRST_SEED - 1), everyTarget);
        int compared = 0;
        compared += compareAll("2025Q2");
        // Q2: every county draws, then the city; one county's draw is voided
        List<String> q2 = new ArrayList<>();
        for (String county : COUNTIES) {
            q2.add(draw(county, "2025Q2", "", "151502" + county));
        }
        draw(CITY, "2025Q2", "", "151502" + CITY);
        String voided = q2.stream().filter(java.util.Objects::nonNull).findFirst().orElseThrow();
        Api.as("auditor", CITY).body("{\"reason\":\"名录库导入错误\"}").post("/api/v1/draws/" + voided + "/void")
                .then().statusCode(200);
        on("2025-07-10");
        compared += compareAll("2025Q3");
        // Q3: half the counties draw undirected, the others a directed draw of their key targets
        for (int i = 0; i < COUNTIES.size(); i++) {
            String county = COUNTIES.get(i);
            draw(county, "2025Q3", i % 2 == 0 ? "" : ",\"kind\":\"DIRECTED\",\"count\":3,\"filter\":{\"supervisionClass\":\"KEY\"}",
                    "151503" + county);
        }
        compared += compareAll("2025Q3");
        assertEquals((COUNTIES.size() + 2) * 4, compareFiltered("2025Q3"));
        assertTrue(filteredOut > 0, "some targets are of no kind the items inspect");
        on("2025-10-10");
        compared += compareAll("2025Q4");
        assertEquals(4 * (COUNTIES.size() + 2) * 3, compared);
        assertTrue(laterUndirected > 0, "compared after an earlier undirected draw of the quarter: " + laterUndirected);
        // the registries and the year's draws reach every reason to be out of a pool, or the above proves less
        assertTrue(excluded.notProducing() > 0 && excluded.selectedThisQuarter() > 0 && excluded.atYearlyCap() > 0
                && excluded.outsideFilter() > 0, excluded.toString());
    }

    /** Every county, the city and the province, undirected and two directed filters: pools compared. */
    private int compareAll(String quarterText) {
        Quarter quarter = Quarter.parse(quarterText);
        LocalDate day = clock.today();
        PolicyData policy = requests.policy(regions.require("authority", CITY), quarter);
        List<ItemData> items = requests.checkItems(regions.require("authority", CITY), List.of(plain, specialist));
        List<String> authorities = new ArrayList<>(COUNTIES);
        authorities.add(CITY);
        authorities.add("130000");
        int n = 0;
        for (String code : authorities) {
            Region authority = regions.require("authority", code);
            compare(authority, quarter, day, policy, false, new DirectedFilter(null, null, null, null, null), 0, items);
            compare(authority, quarter, day, policy, true, new DirectedFilter(null, null, null, null, SupervisionClass.KEY), 4, items);
            compare(authority, quarter, day, policy, true, new DirectedFilter(industries.get(n % 3), null, null, null, null), 2, items);
            n += 3;
        }
        return n;
    }

    /**
     * Every county, the city and the province (the copy in memory), undirected and directed, over items that
     * name kinds: the unfiltered pool less the targets none of whose kinds (as the registry holds them) an item
     * inspects; the same quotas and staff; a K line for each kind of each pooled target, an E line for each
     * item's kind, and no pooled target without an item.
     */
    private int compareFiltered(String quarterText) {
        Quarter quarter = Quarter.parse(quarterText);
        LocalDate day = clock.today();
        PolicyData policy = requests.policy(regions.require("authority", CITY), quarter);
        List<String> authorities = new ArrayList<>(COUNTIES);
        authorities.add(CITY);
        authorities.add("130000");
        int n = 0;
        for (String code : authorities) {
            Region authority = regions.require("authority", code);
            for (List<Long> ids : List.of(List.of(vehicles), List.of(vehicles, hcfcAndProjects))) {
                List<ItemData> items = requests.checkItems(regions.require("authority", CITY), ids);
                for (boolean directed : new boolean[] {false, true}) {
                    DirectedFilter filter = new DirectedFilter(null, null, null, null, directed ? SupervisionClass.KEY : null);
                    compareFiltered(authority, quarter, day, policy, directed, filter, items);
                    n++;
                }
            }
        }
        return n;
    }

    private void compareFiltered(Region authority, Quarter quarter, LocalDate day, PolicyData policy, boolean directed,
                                 DirectedFilter filter, List<ItemData> items) {
        String at = authority.code() + " " + quarter + (directed ? " directed" : " undirected") + " items "
                + items.stream().map(ItemData::id).toList();
        // the reference: this builder over an item naming no kind, whose pool the old builder's equals (above)
        PoolSnapshot old = now.build(authority, quarter, day, policy, directed, filter, 3,
                requests.checkItems(regions.require("authority", CITY), List.of(plain))).snapshot();
        PoolBuilder.Pool built = now.build(authority, quarter, day, policy, directed, filter, 3, items);
        PoolSnapshot s = built.snapshot();
        int inspected = 0;
        for (ItemData i : items) {
            inspected |= ObjectKind.mask(i.objectKinds());
        }
        List<String> oldPool = new ArrayList<>();
        for (Stratum st : Stratum.values()) {
            old.targets(st).forEach(oldPool::add);
        }
        Map<String, TargetData> rows = targets.current(oldPool);
        java.util.Set<String> pooled = new java.util.HashSet<>();
        for (Stratum st : Stratum.values()) {
            List<String> want = new ArrayList<>();
            for (String u : old.targets(st)) {
                int kinds = ObjectKind.mask(rows.get(u).objectKinds());
                if ((kinds & inspected) != 0) {
                    want.add(u);
                    pooled.add(u);
                    assertEquals(rows.get(u).objectKinds().stream().map(ObjectKind::snapshotCode).sorted().toList(), s.kindsOf(u),
                            at + ": K lines of " + u);
                } else {
                    filteredOut++;
                }
            }
            assertEquals(want, List.copyOf(s.targets(st)), at + ": " + st);
        }
        assertEquals(old.quotas(), s.quotas(), at + ": quotas are the authority's, whatever the items");
        assertEquals(old.inspectors(), s.inspectors(), at);
        assertEquals(old.specialists(), s.specialists(), at);
        assertEquals(old.recusals().stream().filter(r -> pooled.contains(r.uscc())).toList(), s.recusals(), at);
        assertEquals(old.previousTeams().stream().filter(r -> pooled.contains(r.uscc())).toList(), s.previousTeams(), at);
        List<PoolSnapshot.ItemKind> e = new ArrayList<>();
        for (ItemData i : items) {
            i.objectKinds().forEach(k -> e.add(new PoolSnapshot.ItemKind(Long.toString(i.id()), k.snapshotCode())));
        }
        e.sort(java.util.Comparator.comparing(PoolSnapshot.ItemKind::item).thenComparing(PoolSnapshot.ItemKind::kind));
        assertEquals(e, s.itemKinds(), at + ": E lines");
        assertEquals(List.of(), s.targetsNoItemAppliesTo(), at);
        assertArrayEquals(s.canonicalBytes(), PoolSnapshot.parse(s.canonicalText()).canonicalBytes(), at + ": parsed back");
    }

    private void compare(Region authority, Quarter quarter, LocalDate day, PolicyData policy, boolean directed,
                         DirectedFilter filter, int count, List<ItemData> items) {
        String at = authority.code() + " " + quarter + (directed ? " directed " + filter.canonical() : " undirected");
        PoolBuilderBefore.Pool old = before.build(authority, quarter, day, policy, directed, filter, count, items);
        PoolBuilder.Pool built = now.build(authority, quarter, day, policy, directed, filter, count, items);
        // the builder before knew one undirected draw a quarter: its quotas are each class's requirement, of which
        // an undirected draw now takes what the authority's earlier draws of the quarter have not selected
        Map<String, Long> earlier = directed ? Map.of() : undirectedSelections(authority.code(), quarter);
        List<DrawPlan.StratumPlan> strata = new ArrayList<>();
        // a leading newline so that a Q line is found the same way when it is the first
        String expectedText = "\n" + new String(old.snapshot().canonicalBytes(), StandardCharsets.UTF_8);
        for (DrawPlan.StratumPlan s : old.plan().strata()) {
            long e = earlier.getOrDefault(s.stratum(), 0L);
            int k = (int) Math.max(0, s.quota() - e);
            strata.add(directed ? s : new DrawPlan.StratumPlan(s.stratum(), s.operating(), k, s.eligible(),
                    (int) Math.max(0, k - s.eligible()), s.quota(), e));
            expectedText = expectedText.replace("\nQ " + s.stratum() + " " + s.quota() + "\n", "\nQ " + s.stratum() + " " + k + "\n");
        }
        expectedText = expectedText.substring(1);
        DrawPlan o = old.plan();
        assertEquals(expectedText, new String(built.snapshot().canonicalBytes(), StandardCharsets.UTF_8), at);
        assertEquals(new DrawPlan(o.policy(), o.authorityLevel(), strata, o.excluded(), o.general(), o.certifiedInspectors(),
                o.specialists(), o.neededSpecialties()), built.plan(), at);
        assertEquals(old.nonSite(), built.nonSite(), at);
        if (!earlier.isEmpty()) {
            laterUndirected++;
        }
        DrawPlan.Exclusions x = built.plan().excluded();
        excluded = new DrawPlan.Exclusions(excluded.notProducing() + x.notProducing(),
                excluded.selectedThisQuarter() + x.selectedThisQuarter(), excluded.atYearlyCap() + x.atYearlyCap(),
                excluded.outsideFilter() + x.outsideFilter(), excluded.noItemApplies() + x.noItemApplies());
        assertEquals(0, x.noItemApplies(), at + ": items naming no kind apply to every target");
        if (built.snapshot().targetCount() > 0) {
            Seed seed = Seed.of("16180339887498948482|" + authority.code() + quarter);
            DrawOutcome a = Draw1.run(PoolSnapshot.parse(expectedText), seed);
            assertEquals(a, Draw1.run(built.snapshot(), seed), at);
        }
    }

    /** What the authority's own executed, unvoided undirected draws of the quarter selected, per stratum, as the API shows them. */
    private static Map<String, Long> undirectedSelections(String authority, Quarter quarter) {
        Map<String, Long> out = new HashMap<>();
        List<Map<String, Object>> draws = Api.as("auditor", "ALL").get("/api/v1/draws?authority=" + authority + "&quarter=" + quarter)
                .then().statusCode(200).extract().jsonPath().getList("items");
        for (Map<String, Object> d : draws) {
            if (d.get("authority").equals(authority) && d.get("kind").equals("UNDIRECTED") && d.get("status").equals("EXECUTED")) {
                List<String> strata = Api.as("auditor", "ALL").get("/api/v1/draws/" + d.get("id")).then().statusCode(200)
                        .extract().jsonPath().getList("targets.stratum", String.class);
                strata.forEach(st -> out.merge(st, 1L, Long::sum));
            }
        }
        return out;
    }

    /** A county's registry from {@code random}: 20-80 targets of every class and status, and its inspectors. */
    private void registry(String county, Random random, Random kindsRandom) {
        StringBuilder csv = new StringBuilder("统一社会信用代码,单位名称,行政区划代码,行业类别,监控类型,排污许可管理类别,环境信用等级,运营状态,检查对象类型\n");
        List<String> usccs = new ArrayList<>();
        int targets = 20 + random.nextInt(61);
        for (int i = 0; i < targets; i++) {
            String u = Api.uscc(county);
            usccs.add(u);
            String permit = List.of("重点管理", "简化管理", "登记管理").get(random.nextInt(3));
            String credit = random.nextInt(6) == 0 ? "D" : "B";
            String status = List.of("生产", "生产", "生产", "生产", "停产", "关闭").get(random.nextInt(6));
            String monitoring = random.nextInt(4) == 0 ? "在线监测、分表计电" : random.nextInt(4) == 0 ? "视频监控" : "";
            csv.append(u).append(",企业").append(county).append('-').append(i).append(',').append(county).append(',')
                    .append(industries.get(random.nextInt(3))).append(',').append(monitoring).append(',').append(permit)
                    .append(',').append(credit).append(',').append(status).append(',').append(kinds(kindsRandom)).append('\n');
        }
        Api.operator(county).contentType("text/csv").body(csv.toString().getBytes(StandardCharsets.UTF_8))
                .post("/api/v1/targets/import").then().statusCode(200);
        inspectors(county, random, usccs);
        everyTarget.addAll(usccs);
    }

    /**
     * 5-10 inspectors of {@code region}, some auxiliary, on leave, lapsing in August or with a specialty;
     * some recuse themselves from one of {@code usccs}.
     */
    private void inspectors(String region, Random random, List<String> usccs) {
        StringBuilder staff = new StringBuilder("人员编号,姓名,行政区划代码,执法证号,执法证有效期至,状态,持证执法人员,辅助检查人员,专业领域,回避企业\n");
        int inspectors = 5 + random.nextInt(6);
        for (int i = 1; i <= inspectors; i++) {
            // the first four can always staff a team, even when two of them checked a target last quarter, so
            // that most of the year's draws succeed and leave their marks
            boolean sure = i <= 4;
            boolean auxiliary = !sure && random.nextInt(5) == 0;
            String expiry = auxiliary ? "" : !sure && random.nextInt(6) == 0 ? "2025-08-31" : "2030-12-31";
            String status = !sure && random.nextInt(7) == 0 ? "休假" : "在岗";
            String specialty = random.nextInt(3) == 0 ? "water" : "";
            String conflict = random.nextInt(3) == 0 ? usccs.get(random.nextInt(usccs.size())) + ":亲属任职" : "";
            staff.append("Q").append(region).append('-').append(i).append(",检查员").append(i).append(',').append(region)
                    .append(',').append(auxiliary ? "" : "冀环执字" + region + i).append(',').append(expiry).append(',')
                    .append(status).append(',').append(auxiliary ? "否" : "是").append(',').append(auxiliary ? "是" : "否")
                    .append(',').append(specialty).append(',').append(conflict).append('\n');
        }
        as(region).contentType("text/csv").body(staff.toString().getBytes(StandardCharsets.UTF_8))
                .post("/api/v1/inspectors/import").then().statusCode(200);
    }

    /** None for a third of the targets (排污单位 alone, from their permit), else one or two other kinds. */
    private static String kinds(Random r) {
        if (r.nextInt(3) == 0) {
            return "";
        }
        java.util.TreeSet<ObjectKind> k = new java.util.TreeSet<>();
        for (int n = 1 + r.nextInt(2); n > 0; n--) {
            k.add(OTHER_KINDS.get(r.nextInt(OTHER_KINDS.size())));
        }
        return k.stream().map(ObjectKind::label).collect(java.util.stream.Collectors.joining("、"));
    }

    private long item(String seqNo, String specialty, String kinds) {
        return ((Number) Api.as("admin", CITY).body("""
                {"regionCode":"%s","seqNo":"%s","name":"污染源日常监管（等价）","category":"GENERAL","targetType":"排污单位",
                 "inspectingLevel":"COUNTY_AND_ABOVE","legalBasis":"《中华人民共和国环境保护法》","content":"排污许可执行情况",
                 "methods":["ON_SITE","TECHNOLOGY"],"jointInspection":true%s}""".formatted(CITY, seqNo,
                        (specialty == null ? "" : ",\"requiredSpecialty\":\"" + specialty + "\"") + kinds))
                .post("/api/v1/items").then().statusCode(201).extract().path("id")).longValue();
    }

    /** Prepares and executes a draw; its id, or null when it failed. */
    private String draw(String authority, String quarter, String extra, String seed) {
        String id = as(authority).body("{\"authority\":\"" + authority + "\",\"quarter\":\"" + quarter + "\",\"items\":["
                + plain + "]" + extra + "}").post("/api/v1/draws").then().statusCode(201).extract().path("id");
        // a draw that cannot staff a target fails and selects nothing: one more case the pools must agree on
        int status = as(authority).body("{\"seed\":\"" + seed + "\"}").post("/api/v1/draws/" + id + "/execute").then()
                .statusCode(org.hamcrest.Matchers.oneOf(200, 422)).extract().statusCode();
        return status == 200 ? id : null;
    }

    /** A county's operator, or a city's. */
    private static io.restassured.specification.RequestSpecification as(String region) {
        return region.endsWith("00") ? Api.as("city", region) : Api.operator(region);
    }

    private void on(String day) {
        clock.use(Clock.fixed(LocalDate.parse(day).atTime(2, 0).toInstant(ZoneOffset.UTC), ZoneOffset.UTC));
        assertTrue(clock.today().toString().equals(day));
    }
}
