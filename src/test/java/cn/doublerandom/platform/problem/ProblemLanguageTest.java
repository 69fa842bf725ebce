package cn.doublerandom.platform.problem;

import cn.doublerandom.platform.problem.ProblemTexts.Language;
import cn.doublerandom.registry.target.Uscc;
import cn.doublerandom.security.DevTokens;
import cn.doublerandom.support.Api;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import io.restassured.specification.RequestSpecification;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;

import static org.hamcrest.Matchers.endsWith;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Problems speak Chinese unless the caller asks for English; the type URI is the same in both. */
@QuarkusTest
class ProblemLanguageTest {

    private static final String COUNTY = "130123";

    /** No Accept-Language, unlike Api's requests. */
    private static RequestSpecification operator() {
        return RestAssured.given().auth().oauth2(DevTokens.mint("operator-" + COUNTY, "operator", COUNTY)).contentType("application/json");
    }

    @Test
    void theEngineReasonsABureauReadsAreInChinese() {
        java.util.List<String> english = new java.util.ArrayList<>();
        english.add(new cn.doublerandom.draw.engine.TargetFailure.TeamShort("91130123MA0000001X", 3, 1, 7, 2, 3, 1).describe());
        english.add(new cn.doublerandom.draw.engine.TargetFailure.SpecialtyUnfilled("91130123MA0000001X", "radiation", 4, 1, 2, 1)
                .describe());
        // no inspector at all (I = 0)
        english.add(cn.doublerandom.draw.engine.Draw1.run(cn.doublerandom.draw.engine.PoolSnapshot.parse(
                "Q GENERAL 1\nT GENERAL U1\nZ teamSize 2\n"), "1") instanceof cn.doublerandom.draw.engine.DrawOutcome.Failure f
                ? f.reason() : "no failure");
        for (String named : new String[]{"ssq 2026130", "dlt 26130", "drand 1000", "nist 1000"}) {
            try {
                cn.doublerandom.draw.engine.PublicRandomness.parse(named).requireValue("x");
            } catch (cn.doublerandom.draw.engine.InvalidSeedException e) {
                english.add(e.getMessage());
            }
        }
        for (String given : new String[]{"a\u0000b", "1".repeat(300)}) {
            try {
                cn.doublerandom.draw.engine.Seed.combine(given, "0".repeat(32));
            } catch (cn.doublerandom.draw.engine.InvalidSeedException e) {
                english.add(e.getMessage());
            }
        }
        assertEquals(9, english.size(), english.toString());
        for (String e : english) {
            String zh = ProblemTexts.inLanguage("draw D000000001 failed: " + e + "; the attempt is on the ledger, nothing was selected", null);
            // codes, numbers and the sources' own names (ssq, randomness, outputValue) may stay; English words may not
            String words = zh.replaceAll("91130123MA0000001X|D000000001|radiation|ssq|dlt|drand|nist|randomness|outputValue|U\\+\\w+|\\[[^]]*]|\\{[^}]*}", "");
            assertTrue(!words.matches("(?s).*[A-Za-z]{3,}.*"), e + " -> " + zh);
            assertTrue(zh.startsWith("抽取 D000000001 失败："), zh);
            assertEquals("draw D000000001 failed: " + e, ProblemTexts.inLanguage("draw D000000001 failed: " + e, "en"));
        }
    }

    @Test
    void theLanguageIsChineseUnlessEnglishIsPreferred() {
        assertEquals(Language.ZH, ProblemTexts.choose(null));
        assertEquals(Language.ZH, ProblemTexts.choose("zh-CN,zh;q=0.9,en;q=0.8"));
        assertEquals(Language.ZH, ProblemTexts.choose("en;q=0, fr"));
        assertEquals(Language.ZH, ProblemTexts.choose("*"));
        assertEquals(Language.EN, ProblemTexts.choose("en"));
        assertEquals(Language.EN, ProblemTexts.choose("en-US,en;q=0.9"));
        assertEquals(Language.EN, ProblemTexts.choose("fr, en;q=0.5, zh;q=0.4"));
        assertEquals(Language.EN, ProblemTexts.choose("zh;q=0.3, EN-gb;q=0.7"));
    }

    @Test
    void aWrongCheckCharacterIsExplainedInChineseByDefaultAndInEnglishOnRequest() {
        String valid = Api.uscc(COUNTY);
        String wrong = Api.badCheck(valid);
        char expected = Uscc.checkCharacter(wrong);
        String body = Api.targetJson(COUNTY, "语言测试企业");

        operator().body(body).put("/api/v1/targets/" + wrong).then().statusCode(422)
                .contentType("application/problem+json").body("type", endsWith("/problems/invalid-uscc"))
                .body("title", equalTo("统一社会信用代码无效"))
                .body("detail", equalTo("uscc：统一社会信用代码校验位错误，应为 " + expected + "（" + wrong + " 的校验位是 "
                        + wrong.charAt(17) + "）；确属真实但校验不通过的代码须填写 usccOverrideReason"))
                .body("errors[0].field", equalTo("uscc"))
                .body("errors[0].message", equalTo("统一社会信用代码校验位错误，应为 " + expected + "（" + wrong + " 的校验位是 "
                        + wrong.charAt(17) + "）；确属真实但校验不通过的代码须填写 usccOverrideReason"));

        operator().header("Accept-Language", "en-GB,en;q=0.9").body(body).put("/api/v1/targets/" + wrong).then().statusCode(422)
                .body("type", endsWith("/problems/invalid-uscc"))
                .body("title", equalTo("The unified social credit code is not valid"))
                .body("errors[0].message", equalTo("check character of " + wrong + " is '" + wrong.charAt(17)
                        + "' but the first 17 characters call for '" + expected + "'; a real code that fails the check needs usccOverrideReason"));
        Api.operator(COUNTY).get("/api/v1/targets/" + wrong).then().statusCode(404);
    }

    @Test
    void importCellsMapperAndFilterProblemsAreChineseToo() {
        String header = "统一社会信用代码,单位名称,行政区划代码,正面清单起始日期,运营状态\n";
        String row = Api.uscc(COUNTY) + ",," + COUNTY + ",2025-13-01,生产\n";
        operator().contentType("text/csv").body((header + row).getBytes(StandardCharsets.UTF_8))
                .post("/api/v1/targets/import").then().statusCode(422)
                .body("title", equalTo("文件被拒绝，未导入任何数据"))
                .body("detail", equalTo("检查对象名录库文件中有 2 个问题；未导入任何数据"))
                .body("errors[0].column", equalTo("正面清单起始日期")).body("errors[0].message", equalTo("必须是日期，如 2026-03-31"))
                .body("errors[1].column", equalTo("单位名称")).body("errors[1].message", equalTo("必填"));

        // the mapper's own problems, and a filter's before any resource
        operator().body("{} {}").post("/api/v1/draws").then().statusCode(400)
                .body("title", equalTo("请求体无法读取"))
                .body("detail", equalTo("请求体必须恰好是一个 JSON 值；其后不得有其他内容"));
        RestAssured.given().get("/api/v1/targets").then().statusCode(401).body("title", equalTo("需要有效的持有者令牌"));
        operator().urlEncodingEnabled(false).get("/api/v1/targets/%00").then().statusCode(400)
                .body("type", endsWith("/problems/validation-failed"))
                .body("detail", equalTo("请求的路径或查询参数含有 NUL 字符"));
        operator().get("/api/v1/targets?limit=0").then().statusCode(400)
                .body("detail", equalTo("limit 必须介于 1 与 " + cn.doublerandom.platform.Page.MAX_LIMIT + " 之间"));
    }

    @Test
    void drawingPortalAndScopeMessagesAreChineseByDefault() {
        RestAssured.given().get("/public/v1/results?q=a").then().statusCode(400)
                .body("detail", equalTo("q 须为统一社会信用代码或企业名称中至少 2 个字符"));
        RestAssured.given().header("Accept-Language", "en").get("/public/v1/results?q=a").then().statusCode(400)
                .body("detail", equalTo("q is a USCC or at least 2 characters of the enterprise name"));
        RestAssured.given().get("/public/v1/results?from=2026-10-02&to=2026-10-01").then().statusCode(400)
                .body("detail", equalTo("to（2026-10-01）早于 from（2026-10-02）"));
        operator().get("/api/v1/draws?authority=130100").then().statusCode(403)
                .body("detail", equalTo("地区 130123 的 operator 不得读取地区 130100 的数据"));
        operator().get("/api/v1/policies/effective?authority=" + COUNTY).then().statusCode(400)
                .body("detail", equalTo("year 必填"));
        RestAssured.given().auth().oauth2(DevTokens.mint("auditor-130100", "auditor", "130100")).contentType("application/json")
                .body("{\"reason\":\"\"}").post("/api/v1/draws/D999999999/void").then().statusCode(400)
                .body("detail", equalTo("作废抽取须说明理由"));
    }

    @Test
    void theItemsOfADrawAreRefusedInChineseAndATargetedCheckIsNamedAsThePlanNamesIt() {
        assertEquals("事项清单中没有该事项", ProblemTexts.chinese("no such item"));
        assertEquals("该事项已停用", ProblemTexts.chinese("the item is retired"));
        assertEquals("该事项属于 130500 的事项清单，不适用于 130123",
                ProblemTexts.chinese("the item belongs to the list of 130500, which does not apply to 130123"));
        assertEquals("该事项没有检查层级（来源清单中为〔缺失〕）；须先由管理员设定", ProblemTexts.chinese(
                "the item has no inspecting level (〔缺失〕 in the source list); an administrator must set it first"));
        assertEquals("县级生态环境部门不能抽取应由市级以上生态环境部门检查的事项",
                ProblemTexts.chinese("a county bureau may not draw an item for 市级以上生态环境部门"));
        assertEquals("重复列出", ProblemTexts.chinese("listed twice"));
        assertEquals("须指定牵头科室：这些事项分属 [大气环境科, 排污许可科]",
                ProblemTexts.chinese("needed: the items belong to [大气环境科, 排污许可科]"));
        assertEquals("联合检查须指定牵头科室，为 [大气环境科, 排污许可科] 之一",
                ProblemTexts.chinese("a joint inspection names its lead division, one of [大气环境科, 排污许可科]"));
        // the plan's six exemptions are 针对性检查; 定向 names a random draw within a restricted range
        assertEquals("针对性检查 C999999999 不存在", ProblemTexts.chinese("no targeted check C999999999"));
        operator().get("/api/v1/checks/C999999999").then().statusCode(404).body("detail", equalTo("针对性检查 C999999999 不存在"));
        // one word for the undirected draw (不定向抽取), as DOMAIN.md has it
        assertEquals("130123 的 大气环境科 已完成 2026Q4 的不定向抽取；每个责任处室每季度只进行一次不定向抽取，新的不定向抽取只能替代已作废的抽取",
                ProblemTexts.chinese("130123 already drew 2026Q4 for 大气环境科; a division draws once a quarter undirected, and a new"
                        + " undirected draw must replace a voided one"));
    }

    @Test
    void aSpecificPhraseWinsOverTheGenericNotFound() {
        assertEquals("抽取的事项均不属于 大气环境科", ProblemTexts.chinese("no item of the draw is 大气环境科's own"));
        assertEquals("130123 及其上级地区均未设定覆盖 2026 年的配额政策；由管理员在 /api/v1/policies 设定",
                ProblemTexts.chinese("no quota policy of 130123 or the regions above it covers 2026; an administrator sets one at /api/v1/policies"));
        assertEquals("抽取 D000000001 已作废", ProblemTexts.chinese("draw D000000001 is already voided"));
        assertEquals("已公示的结果 R1 不存在", ProblemTexts.chinese("no published result R1"));
        assertEquals("130123 的 大气环境科 已完成 2026Q4 的不定向抽取", ProblemTexts.chinese("130123 already drew 2026Q4 for 大气环境科"));
        assertEquals("给定种子第 3 个字符（U+000A）是控制字符；不允许换行符和不可见字符", ProblemTexts.chinese(
                "given seed has a control character (Cc) at position 3 (U+000A); line breaks and invisible characters are not allowed"));
        assertEquals("地区 130100 的 admin 不得修改地区 130123 的名录库",
                ProblemTexts.chinese("admin of region 130100 may not change the registry of region 130123"));
    }
}
