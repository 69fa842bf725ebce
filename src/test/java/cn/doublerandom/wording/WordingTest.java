package cn.doublerandom.wording;

import cn.doublerandom.platform.ServiceClock;
import cn.doublerandom.result.ResultFixture;
import cn.doublerandom.support.Api;
import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;

import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.endsWith;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasItems;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * Result wordings as data per region: the national nine, a region's own additions (裕华区 130108,
 * with a two-item draw; 130130 and 130172 are PublicationTest's draws, and 130108 is otherwise only
 * the excluded ImportBenchmark's), the hierarchy (province → city → county), retirement, bad input
 * and roles. Wordings of other regions (无极县 130130, 唐山市路南区 130202) are only added to the
 * catalog here, never drawn.
 */
@QuarkusTest
class WordingTest {

    private static final String COUNTY = "130108";
    private static final List<String> NATIONAL = List.of("NO_PROBLEM", "INFO_NOT_DISCLOSED", "INFO_FALSIFIED", "UNREACHABLE",
            "CORRECTED", "OBSTRUCTED", "NO_ACTIVITY", "PENDING_HANDLING", "CLOSED");
    private static final List<String> NATIONAL_TEXTS = List.of("未发现问题", "未按规定公示信息", "公示信息隐瞒真实情况、弄虚作假",
            "通过登记依据（经营场所）无法联系", "发现问题已责令改正", "不配合检查情节严重", "未发现开展本次抽查涉及的经营活动", "发现问题待处理",
            "已关闭停业或正在组织清算");

    private static ResultFixture f;

    @Inject
    ServiceClock clock;

    @Inject
    AgroalDataSource dataSource;

    @BeforeEach
    void drawOnce() {
        if (f == null) {
            f = new ResultFixture(COUNTY).items(2).drawn(clock, 3);
        }
        clock.use(Clock.fixed(Instant.parse("2026-10-20T02:00:00Z"), ZoneOffset.UTC));
    }

    @AfterEach
    void realClock() {
        clock.use(Clock.systemUTC());
    }

    private static String wording(String code, String region, String text, String validFrom) {
        return "{\"code\":\"" + code + "\",\"regionCode\":\"" + region + "\",\"text\":\"" + text + "\""
                + (validFrom == null ? "" : ",\"validFrom\":\"" + validFrom + "\"") + ",\"reason\":\"测试用语\"}";
    }

    @Test
    void theNineNationalWordingsAreSeededWithTheirCodesAndExactTexts() {
        JsonPath vocabulary = Api.anonymous().get("/public/v1/wordings?region=" + COUNTY).then().statusCode(200)
                .header("Cache-Control", containsString("max-age=300")).extract().jsonPath();
        assertEquals(NATIONAL, vocabulary.getList("items.code").subList(0, 9));
        assertEquals(NATIONAL_TEXTS, vocabulary.getList("items.text").subList(0, 9));
        assertEquals(List.of("000000"), vocabulary.getList("items.regionCode").subList(0, 9).stream().distinct().toList());
        assertEquals(List.of(true), vocabulary.getList("items.active").subList(0, 9).stream().distinct().toList());
        Api.anonymous().get("/public/v1/wordings?region=" + COUNTY).then().body("items.recordedBy", everyItem(nullValue()));
        // the staff view carries who and when; no token, no staff view
        Api.operator(COUNTY).get("/api/v1/wordings/CORRECTED").then().statusCode(200).body("text", equalTo("发现问题已责令改正"))
                .body("recordedBy", equalTo("system:V7")).body("regionName", equalTo("全国"));
        Api.anonymous().get("/api/v1/wordings?region=" + COUNTY).then().statusCode(401);
        Api.anonymous().get("/public/v1/wordings").then().statusCode(400).body("errors[0].field", equalTo("region"));
        Api.anonymous().get("/public/v1/wordings?region=999999").then().statusCode(422);
    }

    @Test
    void aRegionsOwnAndItsProvincesWordingsAreUsableThereAndNotElsewhere() throws Exception {
        // the county itself (an administrator of the city), the province above it, a sibling county, another city's county
        Api.as("admin", "130100").body(wording("YH_REVISIT", COUNTY, "已责令整改，待复查", "2026-10-01")).post("/api/v1/wordings")
                .then().statusCode(201).header("Location", endsWith("/api/v1/wordings/YH_REVISIT"))
                .body("regionCode", equalTo(COUNTY)).body("regionName", equalTo("裕华区"))
                .body("validFrom", equalTo("2026-10-01")).body("recordedBy", containsString("admin@130100"));
        Api.as("admin", "130000").body(wording("HB_PERMIT_LAPSED", "130000", "排污许可证已过期，已责令申请", "2026-01-01"))
                .post("/api/v1/wordings").then().statusCode(201);
        Api.as("admin", "130130").body(wording("WJ_ONLY", "130130", "无极县自定用语", null)).post("/api/v1/wordings")
                .then().statusCode(201).body("validFrom", equalTo("2026-10-20"));
        Api.as("admin", "130200").body(wording("TS_ONLY", "130202", "唐山路南区自定用语", null)).post("/api/v1/wordings")
                .then().statusCode(201);
        assertEquals(4, count("select count(*) from audit_event where entity = 'WORDING' and action = 'CREATE' "
                + "and entity_id in ('YH_REVISIT', 'HB_PERMIT_LAPSED', 'WJ_ONLY', 'TS_ONLY')"));

        // vocabularies: national first, then the province's, then the county's own
        List<String> own = Api.anonymous().get("/public/v1/wordings?region=" + COUNTY).then().statusCode(200)
                .extract().jsonPath().getList("items.code");
        assertEquals("HB_PERMIT_LAPSED", own.get(9));
        org.junit.jupiter.api.Assertions.assertTrue(own.indexOf("YH_REVISIT") > 9, own.toString());
        Api.anonymous().get("/public/v1/wordings?region=130130").then().body("items.code", hasItems("WJ_ONLY", "HB_PERMIT_LAPSED"))
                .body("items.code", not(hasItem("YH_REVISIT")));
        // the province's reaches every Hebei county, Tangshan's too; a county's stays at home
        Api.anonymous().get("/public/v1/wordings?region=130202").then().body("items.code", hasItems("TS_ONLY", "HB_PERMIT_LAPSED"))
                .body("items.code", not(hasItem("YH_REVISIT"))).body("items.code", not(hasItem("WJ_ONLY")));
        Api.anonymous().get("/public/v1/wordings?region=110101").then().body("items.code", not(hasItem("HB_PERMIT_LAPSED")));

        // usable here: one item with the county's wording, the other with the province's
        String id = Api.operator(COUNTY).body(f.itemsBody(0, "2026-10-12", "2026-10-12", List.of("YH_REVISIT", "HB_PERMIT_LAPSED"), ""))
                .post("/api/v1/results").then().log().ifValidationFails().statusCode(201)
                .body("current.items.wording", equalTo(List.of("YH_REVISIT", "HB_PERMIT_LAPSED")))
                .body("current.items.wordingText", equalTo(List.of("已责令整改，待复查", "排污许可证已过期，已责令申请")))
                .body("current.wording", equalTo("YH_REVISIT")).extract().path("id");
        // not here: a sibling county's and another city's county's wordings, named in the problem
        long before = count("select count(*) from result_version");
        Api.operator(COUNTY).body(f.itemsBody(1, "2026-10-12", "2026-10-12", List.of("WJ_ONLY", "TS_ONLY"), ""))
                .post("/api/v1/results").then().statusCode(400).contentType("application/problem+json")
                .body("errors.field", equalTo(List.of("items[0].wording", "items[1].wording")))
                .body("errors.value", equalTo(List.of("WJ_ONLY", "TS_ONLY")))
                .body("errors[0].message", containsString("is a wording of region 130130 无极县, not in the vocabulary of " + COUNTY))
                .body("errors[1].message", containsString("region 130202"));
        assertEquals(before, count("select count(*) from result_version"));
        Api.operator(COUNTY).get("/api/v1/results/" + id).then().body("current.items.itemName",
                equalTo(List.of(ResultFixture.itemName(0), ResultFixture.itemName(1))));
    }

    @Test
    void aRetiredWordingStaysOnOldResultsAndIsRefusedForNewOnes() throws Exception {
        Api.as("admin", COUNTY).body(wording("YH_OLD_PHRASE", COUNTY, "园区旧用语", "2026-10-01")).post("/api/v1/wordings")
                .then().statusCode(201);
        Api.as("admin", COUNTY).body(wording("YH_LATER", COUNTY, "园区新用语", "2026-11-01")).post("/api/v1/wordings")
                .then().statusCode(201);
        String old = Api.operator(COUNTY).body(f.body(2, "2026-10-12", "2026-10-12", "YH_OLD_PHRASE", ""))
                .post("/api/v1/results").then().statusCode(201).body("current.items.wording", equalTo(List.of("YH_OLD_PHRASE", "YH_OLD_PHRASE")))
                .extract().path("id");

        // retired from 15 October, with a reason; only once; never before it applied; not without a reason
        Api.as("admin", COUNTY).body("{\"retiredFrom\":\"2026-09-30\",\"reason\":\"早于启用\"}").post("/api/v1/wordings/YH_OLD_PHRASE/retire")
                .then().statusCode(400).body("errors[0].field", equalTo("retiredFrom"));
        Api.as("admin", COUNTY).body("{\"retiredFrom\":\"2026-10-15\"}").post("/api/v1/wordings/YH_OLD_PHRASE/retire")
                .then().statusCode(400).body("errors[0].field", equalTo("reason"));
        Api.as("admin", "130130").body("{\"reason\":\"越权\"}").post("/api/v1/wordings/YH_OLD_PHRASE/retire").then().statusCode(403);
        Api.operator(COUNTY).body("{\"reason\":\"越权\"}").post("/api/v1/wordings/YH_OLD_PHRASE/retire").then().statusCode(403);
        Api.as("admin", COUNTY).body("{\"retiredFrom\":\"2026-10-15\",\"reason\":\"省厅统一规范用语\"}")
                .post("/api/v1/wordings/YH_OLD_PHRASE/retire").then().statusCode(200)
                .body("retiredFrom", equalTo("2026-10-15")).body("retirementReason", equalTo("省厅统一规范用语"))
                .body("retiredBy", containsString("admin@" + COUNTY));
        Api.as("admin", COUNTY).body("{\"reason\":\"再次\"}").post("/api/v1/wordings/YH_OLD_PHRASE/retire").then().statusCode(409);
        assertEquals(1, count("select count(*) from audit_event where entity = 'WORDING' and action = 'RETIRE' and entity_id = 'YH_OLD_PHRASE'"));
        // the national list is the service's, not a region's
        Api.as("admin", "130000").body("{\"reason\":\"不用\"}").post("/api/v1/wordings/CLOSED/retire").then().statusCode(403);
        Api.as("admin", COUNTY).body("{\"reason\":\"不用\"}").post("/api/v1/wordings/NO_SUCH_CODE/retire").then().statusCode(404);

        // refused for a result determined on or after the retirement, and before a wording applies
        Api.operator(COUNTY).body(f.body(3, "2026-10-15", "2026-10-16", "YH_OLD_PHRASE", "")).post("/api/v1/results")
                .then().statusCode(400).body("errors.field", equalTo(List.of("wording")))
                .body("errors[0].message", containsString("was retired from 2026-10-15 (省厅统一规范用语)"));
        Api.operator(COUNTY).body(f.body(3, "2026-10-15", "2026-10-16", "YH_LATER", "")).post("/api/v1/results")
                .then().statusCode(400).body("errors[0].message", containsString("applies to results determined from 2026-11-01"));
        // the old result keeps it, and a correction of another field, still determined before the retirement, may keep it
        Api.operator(COUNTY).get("/api/v1/results/" + old).then().statusCode(200)
                .body("current.items.wordingText", equalTo(List.of("园区旧用语", "园区旧用语")));
        String correction = f.body(2, "2026-10-13", "2026-10-13", "YH_OLD_PHRASE", "")
                .replaceAll("\"drawId\":\"[^\"]+\",\"uscc\":\"[^\"]+\",", "").replaceFirst("\\{", "{\"reason\":\"检查日期录入错误\",");
        Api.operator(COUNTY).body(correction).post("/api/v1/results/" + old + "/corrections").then().statusCode(201)
                .body("versions.items.wordingText", equalTo(List.of(List.of("园区旧用语", "园区旧用语"), List.of("园区旧用语", "园区旧用语"))));
        // the public vocabulary lists it as retired
        Api.anonymous().get("/public/v1/wordings?region=" + COUNTY).then()
                .body("items.find { it.code == 'YH_OLD_PHRASE' }.retiredFrom", equalTo("2026-10-15"))
                .body("items.find { it.code == 'YH_OLD_PHRASE' }.active", equalTo(false))
                .body("items.find { it.code == 'YH_LATER' }.active", equalTo(false))
                .body("items.find { it.code == 'CORRECTED' }.retiredFrom", nullValue());
        // the database keeps wordings as written
        try (Connection c = dataSource.getConnection()) {
            for (String sql : List.of("update wording set text = 'x'", "delete from wording_retirement", "truncate result_item")) {
                Exception e = org.junit.jupiter.api.Assertions.assertThrows(java.sql.SQLException.class,
                        () -> c.createStatement().execute(sql), sql);
                org.junit.jupiter.api.Assertions.assertTrue(e.getMessage().contains("append-only"), e.getMessage());
            }
        }
    }

    @Test
    void badWordingsAreProblemsAndWriteNothing() throws Exception {
        long before = count("select (select count(*) from wording) + (select count(*) from audit_event)");
        String[][] cases = {
                // body, status, field
                {wording("lower_case", COUNTY, "小写代码", null), "400", "code"},
                {wording("X", COUNTY, "一个字符的代码", null), "400", "code"},
                {wording("HAS-DASH", COUNTY, "带连字符", null), "400", "code"},
                {wording("EMPTY_TEXT", COUNTY, " ", null), "400", "text"},
                {wording("LONG_TEXT", COUNTY, "长".repeat(101), null), "400", "text"},
                {wording("BAD_REGION", "13017", "区划代码错误", null), "400", "regionCode"},
                {"{\"code\":\"NO_REGION\",\"text\":\"缺少区划\"}", "400", "regionCode"},
                {wording("UNKNOWN_REGION", "139999", "未知区划", null), "422", "regionCode"},
                {wording("NO_PROBLEM", COUNTY, "重复的代码", null), "409", "code"},
                {wording("SAME_TEXT", COUNTY, "未发现问题", null), "409", "text"},
        };
        for (String[] c : cases) {
            Api.as("admin", "130100").body(c[0]).post("/api/v1/wordings").then().statusCode(Integer.parseInt(c[1]))
                    .contentType("application/problem+json").body("errors.field", hasItem(c[2]));
        }
        Api.as("admin", "130100").body("{\"code\":\"X1\",\"unknown\":1}").post("/api/v1/wordings").then().statusCode(400);
        Api.as("admin", "130100").post("/api/v1/wordings").then().statusCode(400);
        // outside the administrator's region, and roles other than admin
        String fine = wording("YH_SCOPE", COUNTY, "越权用语", null);
        Api.as("admin", "130200").body(fine).post("/api/v1/wordings").then().statusCode(403).contentType("application/problem+json");
        Api.as("admin", "130130").body(fine).post("/api/v1/wordings").then().statusCode(403);
        Api.operator(COUNTY).body(fine).post("/api/v1/wordings").then().statusCode(403);
        Api.as("city", "130100").body(fine).post("/api/v1/wordings").then().statusCode(403);
        Api.as("auditor", "ALL").body(fine).post("/api/v1/wordings").then().statusCode(403);
        Api.anonymous().body(fine).post("/api/v1/wordings").then().statusCode(401);
        Api.as("admin", "130000").body(wording("NATIONAL_TRY", "000000", "全国用语", null)).post("/api/v1/wordings").then().statusCode(422);
        assertEquals(before, count("select (select count(*) from wording) + (select count(*) from audit_event)"));
        // every role reads
        for (String[] who : new String[][]{{"operator", COUNTY}, {"city", "130100"}, {"auditor", "ALL"}, {"admin", "130000"}}) {
            Api.as(who[0], who[1]).get("/api/v1/wordings?region=" + COUNTY).then().statusCode(200).body("items.code", hasItem("NO_PROBLEM"));
        }
    }

    private long count(String sql) throws Exception {
        try (Connection c = dataSource.getConnection(); PreparedStatement ps = c.prepareStatement(sql); ResultSet rs = ps.executeQuery()) {
            rs.next();
            return rs.getLong(1);
        }
    }
}
