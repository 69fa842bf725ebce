package cn.doublerandom.registry.target;

import cn.doublerandom.platform.ServiceClock;
import cn.doublerandom.support.Api;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;

import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.endsWith;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasItems;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * The bureau's approvals of other methods (书面检查, a qualified third party) on the targets of 宁晋县 (130528): recorded
 * by the caller's bureau with its days, withdrawn by a row of their own, never two covering one item on one day, and
 * which are valid on a day is what a draw asks. Every refused request writes nothing.
 */
@QuarkusTest
class MethodApprovalTest {

    private static final String COUNTY = "130528";

    @Inject
    ServiceClock clock;

    @Inject
    MethodApprovalService approvals;

    @BeforeEach
    void november() {
        clock.use(Clock.fixed(Instant.parse("2026-11-16T02:00:00Z"), ZoneOffset.UTC));
    }

    @AfterEach
    void realClock() {
        clock.use(Clock.systemUTC());
    }

    private static String target(String name) {
        String uscc = Api.uscc(COUNTY);
        Api.operator(COUNTY).body(Api.targetJson(COUNTY, name)).put("/api/v1/targets/" + uscc).then().statusCode(201);
        return uscc;
    }

    /** An item of the county that allows 实地检查 and 书面检查, or only 实地检查. */
    private static long item(String name, boolean documentary) {
        return ((Number) Api.as("admin", COUNTY).body("""
                {"regionCode":"%s","seqNo":"52","name":"%s","category":"GENERAL","targetType":"排污单位",
                 "inspectingLevel":"COUNTY_AND_ABOVE","legalBasis":"《中华人民共和国环境保护法》","content":"检查内容",
                 "methods":%s,"jointInspection":false,"objectKinds":["POLLUTANT_DISCHARGER"]}"""
                .formatted(COUNTY, name, documentary ? "[\"ON_SITE\",\"DOCUMENTARY\"]" : "[\"ON_SITE\"]"))
                .post("/api/v1/items").then().statusCode(201).extract().path("id")).longValue();
    }

    /** As a bureau's browser asks: problems in Chinese. */
    private static io.restassured.specification.RequestSpecification zh() {
        return io.restassured.RestAssured.given().auth().oauth2(cn.doublerandom.security.DevTokens.mint("operator-" + COUNTY,
                "operator", COUNTY)).contentType(io.restassured.http.ContentType.JSON);
    }

    private static int count(String uscc) {
        return Api.operator(COUNTY).get("/api/v1/targets/" + uscc + "/method-approvals").then().statusCode(200).extract()
                .jsonPath().getList("items").size();
    }

    private static String approval(String method, Long item, String from, String to) {
        return "{\"method\":\"" + method + "\"," + (item == null ? "" : "\"itemId\":" + item + ",")
                + "\"reason\":\"企业按季度报送台账\",\"reference\":\"宁环执审〔2026〕7号\",\"validFrom\":\"" + from
                + "\",\"validTo\":\"" + to + "\"}";
    }

    @Test
    void anApprovalIsValidOverItsDaysUntilWithdrawnAndStaysOnRecord() {
        String uscc = target("宁晋县某电缆有限公司");
        long hcfc = item("HCFCs 使用备案检查（审批测试）", true);
        var created = Api.operator(COUNTY).body(approval("书面检查", hcfc, "2026-11-16", "2026-12-31"))
                .post("/api/v1/targets/" + uscc + "/method-approvals").then().statusCode(201)
                .header("Location", endsWith("/api/v1/targets/" + uscc + "/method-approvals"))
                .body("method", equalTo("DOCUMENTARY")).body("methodLabel", equalTo("书面检查"))
                .body("authority", equalTo(COUNTY)).body("itemId", equalTo((int) hcfc))
                .body("approvedBy", containsString("operator@" + COUNTY)).body("withdrawal", nullValue())
                .extract().jsonPath();
        long id = created.getLong("id");
        List<Long> items = List.of(hcfc);
        assertEquals(List.of(uscc + " " + hcfc + " DOCUMENTARY"), mine(uscc, LocalDate.of(2026, 11, 16), items), "its first day");
        assertEquals(List.of(uscc + " " + hcfc + " DOCUMENTARY"), mine(uscc, LocalDate.of(2026, 12, 31), items), "its last day");
        assertEquals(List.of(), mine(uscc, LocalDate.of(2027, 1, 1), items), "the day after");
        assertEquals(List.of(), mine(uscc, LocalDate.of(2026, 11, 15), items), "the day before");
        assertEquals(List.of(), mine(uscc, LocalDate.of(2026, 11, 20), List.of(hcfc + 1_000_000)), "another item's draw");
        assertEquals(List.of(), approvals.validOn("130500", "1305", LocalDate.of(2026, 11, 20), items).stream()
                .filter(l -> l.startsWith(uscc)).toList(), "the city's draws plan by the city's approvals only");

        // a second approval of the same item over the same days: refused until the first is withdrawn
        zh().body(approval("THIRD_PARTY", null, "2026-12-01", "2027-01-31"))
                .post("/api/v1/targets/" + uscc + "/method-approvals").then().statusCode(409)
                .body("detail", containsString("审批 " + id + " 已覆盖检查对象 " + uscc + " 的抽查事项 " + hcfc));
        Api.operator(COUNTY).body("{\"reason\":\"收到群众投诉，改为现场检查\"}")
                .post("/api/v1/targets/" + uscc + "/method-approvals/" + id + "/withdrawal").then().statusCode(200)
                .body("withdrawal.withdrawnOn", equalTo("2026-11-16")).body("withdrawal.reason", equalTo("收到群众投诉，改为现场检查"));
        assertEquals(List.of(), mine(uscc, LocalDate.of(2026, 11, 16), items), "withdrawn: not valid from that day on");
        zh().body("{\"reason\":\"再次撤回\"}").post("/api/v1/targets/" + uscc + "/method-approvals/" + id + "/withdrawal")
                .then().statusCode(409).body("detail", containsString("审批 " + id + " 已撤回"));
        // another county's bureau may not withdraw it either
        Api.operator("130525").body("{\"reason\":\"越权\"}")
                .post("/api/v1/targets/" + uscc + "/method-approvals/" + id + "/withdrawal").then().statusCode(403);
        long third = Api.operator(COUNTY).body(approval("第三方专业机构", null, "2026-12-01", "2027-01-31"))
                .post("/api/v1/targets/" + uscc + "/method-approvals").then().statusCode(201)
                .body("method", equalTo("THIRD_PARTY")).body("itemId", nullValue()).extract().jsonPath().getLong("id");
        assertEquals(List.of(uscc + " * THIRD_PARTY"), mine(uscc, LocalDate.of(2026, 12, 1), items));
        Api.operator(COUNTY).get("/api/v1/targets/" + uscc + "/method-approvals").then().statusCode(200)
                .body("items", hasSize(2)).body("total", equalTo(2)).body("items[0].id", equalTo((int) third))
                .body("items[1].withdrawal.reason", equalTo("收到群众投诉，改为现场检查"));
        // an auditor reads them; another county does not
        Api.as("auditor", "130500").get("/api/v1/targets/" + uscc + "/method-approvals").then().statusCode(200);
        Api.operator("130525").get("/api/v1/targets/" + uscc + "/method-approvals").then().statusCode(403);
    }

    private List<String> mine(String uscc, LocalDate day, List<Long> items) {
        return approvals.validOn(COUNTY, COUNTY, day, items).stream().filter(l -> l.startsWith(uscc + " ")).toList();
    }

    @Test
    void badApprovalsAndWithdrawalsAreProblemsThatWriteNothing() {
        String uscc = target("宁晋县某玻璃有限公司");
        long documentary = item("新化学物质登记检查（审批测试）", true);
        long siteOnly = item("机动车环保信息检查（审批测试）", false);
        long id = Api.operator(COUNTY).body(approval("DOCUMENTARY", documentary, "2026-11-16", "2026-11-30"))
                .post("/api/v1/targets/" + uscc + "/method-approvals").then().statusCode(201).extract().jsonPath().getLong("id");
        String good = approval("DOCUMENTARY", documentary, "2026-12-01", "2026-12-31");
        String[] bad = {
                "{}",
                good.replace("\"DOCUMENTARY\"", "\"ON_SITE\""),
                good.replace("\"DOCUMENTARY\"", "\"TECHNOLOGY\""),
                good.replace("\"DOCUMENTARY\"", "\"飞行检查\""),
                good.replace("\"DOCUMENTARY\"", "\" \""),
                good.replace("\"DOCUMENTARY\"", "\"DOCUMENTARY\\u0000\""),
                good.replace("\"itemId\":" + documentary, "\"itemId\":999999999"),
                good.replace("\"itemId\":" + documentary, "\"itemId\":" + siteOnly),
                good.replace("\"itemId\":" + documentary, "\"itemId\":\"二\""),
                good.replace("企业按季度报送台账", ""),
                good.replace("企业按季度报送台账", "台账\\u0000"),
                good.replace("企业按季度报送台账", "长".repeat(501)),
                good.replace("宁环执审〔2026〕7号", "号".repeat(201)),
                good.replace("\"2026-12-01\"", "\"+999999999-12-31\""),
                good.replace("\"2026-12-31\"", "\"-999999999-01-01\""),
                good.replace("\"2026-12-01\"", "\"9999-12-30\"").replace("\"2026-12-31\"", "\"9999-12-31\""),
                good.replace("\"2026-12-01\"", "\"2026-13-01\""),
                good.replace("\"2026-12-31\"", "\"2026-11-30\""),
                good.replace("\"2026-12-01\"", "\"2026-11-01\"").replace("\"2026-12-31\"", "\"2026-11-15\""),
                good.replace("\"2026-12-31\"", "\"2027-12-31\""),
                good.replace(",\"validTo\":\"2026-12-31\"", ""),
                good + " {\"x\":1}",
                good.replace("{", "{\"colour\":\"red\","),
                "[]",
                "",
                "{\"method\":\"DOCUMENTARY\",\"reason\":\"" + "长".repeat(300_000) + "\"}",
        };
        for (String body : bad) {
            Api.operator(COUNTY).body(body).post("/api/v1/targets/" + uscc + "/method-approvals").then()
                    .statusCode(org.hamcrest.Matchers.oneOf(400, 413, 415, 422))
                    .contentType(containsString("application/problem+json"));
        }
        // in Chinese by default, naming each field; in English on Accept-Language: en
        zh().body("{}").post("/api/v1/targets/" + uscc + "/method-approvals").then().statusCode(400)
                .body("detail", equalTo("其他检查方式审批登记不合规"))
                .body("errors.field", hasItems("method", "reason", "validFrom", "validTo"));
        zh().body(good.replace("\"DOCUMENTARY\"", "\"ON_SITE\"")).post("/api/v1/targets/" + uscc + "/method-approvals").then()
                .statusCode(400).body("errors[0].field", equalTo("method"))
                .body("errors[0].message", containsString("不是须经批准的其他检查方式"));
        zh().body(good.replace("\"itemId\":" + documentary, "\"itemId\":" + siteOnly))
                .post("/api/v1/targets/" + uscc + "/method-approvals").then().statusCode(400)
                .body("errors[0].message", equalTo("抽查事项 " + siteOnly + " 不适用书面检查"));
        Api.operator(COUNTY).body(good.replace("\"2026-12-31\"", "\"2026-11-30\"")).post("/api/v1/targets/" + uscc + "/method-approvals")
                .then().statusCode(400).body("errors.message", hasItem("must not be before validFrom 2026-12-01"));
        // another county's token, an auditor, the public, and a target that is not in the registry
        Api.operator("130525").body(good).post("/api/v1/targets/" + uscc + "/method-approvals").then().statusCode(403)
                .contentType(containsString("application/problem+json"));
        Api.as("auditor", COUNTY).body(good).post("/api/v1/targets/" + uscc + "/method-approvals").then().statusCode(403);
        Api.anonymous().body(good).post("/api/v1/targets/" + uscc + "/method-approvals").then().statusCode(401);
        Api.operator(COUNTY).body(good).post("/api/v1/targets/" + Api.uscc(COUNTY) + "/method-approvals").then().statusCode(404)
                .contentType(containsString("application/problem+json"));
        Api.operator(COUNTY).get("/api/v1/targets/" + Api.uscc(COUNTY) + "/method-approvals").then().statusCode(404);
        String[] badWithdrawals = {"{}", "{\"reason\":\"\"}", "{\"reason\":\"撤回\\u0000\"}", "{\"reason\":\"" + "长".repeat(501) + "\"}",
                "{\"reason\":\"撤回\"} {\"x\":1}", "[]", ""};
        for (String body : badWithdrawals) {
            Api.operator(COUNTY).body(body).post("/api/v1/targets/" + uscc + "/method-approvals/" + id + "/withdrawal").then()
                    .statusCode(org.hamcrest.Matchers.oneOf(400, 415, 422)).contentType(containsString("application/problem+json"));
        }
        Api.operator(COUNTY).body("{\"reason\":\"撤回\"}").post("/api/v1/targets/" + uscc + "/method-approvals/999999999/withdrawal")
                .then().statusCode(404);
        Api.operator("130525").body("{\"reason\":\"撤回\"}").post("/api/v1/targets/" + uscc + "/method-approvals/" + id + "/withdrawal")
                .then().statusCode(403);
        assertEquals(1, count(uscc), "nothing refused was recorded");
        Api.operator(COUNTY).get("/api/v1/targets/" + uscc + "/method-approvals").then().body("items[0].withdrawal", nullValue());
    }
}
