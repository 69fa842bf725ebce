package cn.doublerandom.platform;

import cn.doublerandom.support.Api;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import io.restassured.path.json.JsonPath;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Every list is one envelope, {items, next, total}, walked with limit and after. */
@QuarkusTest
class PagingTest {

    /** 邯郸市 (130400): no other test lists its regions or writes its targets. */
    private static final String COUNTY = "130423";

    @Test
    void walkingARegionListPageByPageGivesEveryRegionOnceAndNothingMore() {
        JsonPath whole = Api.anonymous().get("/api/v1/regions?parent=130400&limit=1000").then().statusCode(200)
                .body("next", nullValue()).extract().jsonPath();
        List<String> all = whole.getList("items.code");
        assertTrue(all.size() > 10, "130400 has its districts and counties: " + all);
        assertEquals(all.size(), whole.getInt("total"));

        List<String> walked = new ArrayList<>();
        String after = null;
        int pages = 0;
        do {
            JsonPath page = Api.anonymous().queryParam("parent", "130400").queryParam("limit", 4)
                    .queryParams(after == null ? java.util.Map.of() : java.util.Map.of("after", after))
                    .get("/api/v1/regions").then().statusCode(200).extract().jsonPath();
            List<String> codes = page.getList("items.code");
            assertTrue(codes.size() <= 4 && !codes.isEmpty(), "page " + pages + ": " + codes);
            assertEquals(all.size(), page.getInt("total"));
            walked.addAll(codes);
            after = page.getString("next");
            pages++;
        } while (after != null && pages < 100);
        assertEquals(all, walked);
        assertEquals((all.size() + 3) / 4, pages);
    }

    @Test
    void aLimitThatIsNotANumberIsABadRequestNotAMissingResource() {
        for (String limit : new String[]{"abc", "1e3", "99999999999", "%00", "", "-"}) {
            Api.anonymous().urlEncodingEnabled(false).get("/api/v1/regions?parent=130400&limit=" + limit).then()
                    .statusCode(limit.isEmpty() ? 200 : 400).contentType(limit.isEmpty() ? "application/json" : "application/problem+json");
        }
        io.restassured.RestAssured.given().get("/public/v1/items?region=130423&limit=abc").then().statusCode(400)
                .contentType("application/problem+json").body("type", org.hamcrest.Matchers.endsWith("/problems/validation-failed"))
                .body("detail", org.hamcrest.Matchers.equalTo("查询参数无法读取：数字、日期或代码格式有误"));
        Api.anonymous().get("/api/v1/no-such-list?limit=abc").then().statusCode(404);
    }

    @Test
    void anEntitysVersionsComeAPageAtATimeOldestFirst() {
        String uscc = Api.uscc(COUNTY);
        Api.operator(COUNTY).body(Api.targetJson(COUNTY, "武安分页测试有限公司")).put("/api/v1/targets/" + uscc).then().statusCode(201);
        for (String status : new String[]{"HALTED", "PRODUCING"}) {
            Api.operator(COUNTY).body("{\"regionCode\":\"" + COUNTY + "\",\"name\":\"武安分页测试有限公司\",\"operatingStatus\":\"" + status
                    + "\",\"changeReason\":\"分页测试\"}").put("/api/v1/targets/" + uscc).then().statusCode(200);
        }
        String next = Api.operator(COUNTY).get("/api/v1/targets/" + uscc + "/history?limit=2").then().statusCode(200)
                .body("items.version", equalTo(List.of(1, 2))).body("total", equalTo(3)).body("next", notNullValue())
                .extract().path("next");
        Api.operator(COUNTY).queryParam("after", next).get("/api/v1/targets/" + uscc + "/history?limit=2").then().statusCode(200)
                .body("items.version", equalTo(List.of(3))).body("next", nullValue());
        // a cursor that names nothing of this list is refused, not read as the start
        String other = Api.uscc(COUNTY);
        Api.operator(COUNTY).body(Api.targetJson(COUNTY, "武安分页测试二有限公司")).put("/api/v1/targets/" + other).then().statusCode(201);
        Api.operator(COUNTY).queryParam("after", next).get("/api/v1/targets/" + other + "/history").then().statusCode(400)
                .contentType("application/problem+json").body("errors[0].field", equalTo("after"));
    }

    @Test
    void aBadLimitOrCursorIsAProblemInChineseAndEnglishOnRequest() {
        String[][] bad = {
                {"/public/v1/items?region=" + COUNTY + "&limit=0", "limit"},
                {"/public/v1/items?region=" + COUNTY + "&limit=1001", "limit"},
                {"/public/v1/items?region=" + COUNTY + "&after=bm90LWEtY3Vyc29y", "after"},
                {"/public/v1/items?region=" + COUNTY + "&after=a.b", "after"},
                {"/public/v1/wordings?region=" + COUNTY + "&limit=-5", "limit"},
                {"/public/v1/draws?after=D12", "after"},
                {"/public/v1/draws?limit=100000", "limit"},
                {"/public/v1/log/leaves?after=x", "after"},
                {"/public/v1/log/leaves?limit=1001", "limit"},
                {"/public/v1/log/leaves?from=2&after=1", "after"},
                {"/api/v1/regions?after=" + "A".repeat(200), "after"},
        };
        for (String[] c : bad) {
            RestAssured.given().get(c[0]).then().statusCode(400).contentType("application/problem+json")
                    .body("errors[0].field", equalTo(c[1]))
                    .body("errors[0].message", org.hamcrest.Matchers.matchesPattern(".*[\\u4e00-\\u9fff].*"));
        }
        Api.anonymous().header("Accept-Language", "en").get("/public/v1/items?region=" + COUNTY + "&limit=0").then().statusCode(400)
                .body("errors[0].message", equalTo("limit must be between 1 and 1000"));
        RestAssured.given().get("/public/v1/items?region=" + COUNTY + "&limit=0").then()
                .body("errors[0].message", equalTo("limit 必须介于 1 与 1000 之间"));
        RestAssured.given().get("/public/v1/log/leaves?from=2&after=1").then()
                .body("errors[0].message", equalTo("from 与 after 只能给出其一"));
    }

    private static final String ITEM = """
            {"regionCode":"130400","seqNo":"%s","name":"分页测试事项%s","subItem":"分页","category":"GENERAL","targetType":"排污单位",
             "inspectingLevel":"COUNTY_AND_ABOVE","legalBasis":"《中华人民共和国环境保护法》","content":"分页测试",
             "methods":["ON_SITE"],"jointInspection":false,"responsibleDivision":"执法科"}""";

    @Test
    void thePublicItemListIsAPageWithItsTotal() {
        // the city's items apply in its counties: two of them make at least two pages of one
        for (String n : new String[]{"P1", "P2"}) {
            Api.as("admin", "130400").body(ITEM.formatted(n, n)).post("/api/v1/items").then().statusCode(201);
        }
        JsonPath page = Api.anonymous().get("/public/v1/items?region=" + COUNTY + "&limit=1").then().statusCode(200)
                .body("items", hasSize(1)).extract().jsonPath();
        int total = page.getInt("total");
        assertTrue(total >= 2, "total " + total);
        Api.anonymous().queryParam("after", page.getString("next")).get("/public/v1/items?region=" + COUNTY + "&limit=1000")
                .then().statusCode(200).body("items", hasSize(total - 1)).body("next", nullValue()).body("total", equalTo(total));
    }
}
