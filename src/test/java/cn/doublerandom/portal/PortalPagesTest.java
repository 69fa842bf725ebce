package cn.doublerandom.portal;

import cn.doublerandom.platform.ServiceClock;
import cn.doublerandom.publication.PublicationService;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import cn.doublerandom.transparency.merkle.Merkle;

import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static cn.doublerandom.portal.PortalFixture.COUNTY;
import static cn.doublerandom.portal.PortalFixture.IMG;
import static cn.doublerandom.portal.PortalFixture.SCRIPT;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

@QuarkusTest
class PortalPagesTest {

    private static final Pattern NEXT = Pattern.compile("<a href=\"([^\"]*)\" id=\"next\"");
    private static final Pattern ROW_LINK = Pattern.compile("<a href=\"/results/(R\\d{9})\">");

    @Inject
    ServiceClock clock;

    @Inject
    PublicationService publication;

    @BeforeEach
    void published() {
        PortalFixture.ensure(clock, publication);
    }

    private static Response page(String path) {
        return RestAssured.given().get(path);
    }

    @Test
    void theSearchPageListsPublishedResultsWithNameAndUscc() {
        Response r = page("/?region=" + COUNTY);
        r.then().statusCode(200).contentType(containsString("text/html")).header("Cache-Control", containsString("max-age=60"))
                .header("Content-Security-Policy", containsString("default-src 'none'"));
        String html = r.asString();
        assertTrue(html.contains("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">"));
        assertTrue(html.contains(PortalFixture.PLAIN_NAME), html);
        assertTrue(html.contains(PortalFixture.usccs.get("plain")));
        assertTrue(html.contains(PortalFixture.usccs.get("key")));
        assertTrue(html.contains("井陉矿区") && html.contains("发现问题已责令改正") && html.contains("2026-10-12"));
        assertTrue(html.contains("<select name=\"region\"") && html.contains("130107") && html.contains("正定县"));
        assertFalse(html.contains("<script"), "a page never carries a script");
        // name substring, exact USCC, result code, quarter and date range filter like the JSON API
        assertTrue(page("/?q=门户测试").asString().contains(PortalFixture.usccs.get("plain")));
        String byUscc = page("/?q=" + PortalFixture.usccs.get("plain").toLowerCase()).asString();
        assertTrue(byUscc.contains(PortalFixture.PLAIN_NAME) && !byUscc.contains(PortalFixture.usccs.get("key")));
        String corrected = page("/?region=" + COUNTY + "&result=CORRECTED").asString();
        assertTrue(corrected.contains(PortalFixture.usccs.get("key")) && !corrected.contains(PortalFixture.usccs.get("plain")));
        assertTrue(page("/?region=" + COUNTY + "&quarter=2026Q1").asString().contains("没有符合条件"));
        String dated = page("/?region=" + COUNTY + "&from=2026-10-09&to=2026-10-09").asString();
        assertTrue(dated.contains(PortalFixture.usccs.get("key")) && !dated.contains(PortalFixture.usccs.get("plain")));
        // the filled form is filled again
        assertTrue(corrected.contains("<option value=\"CORRECTED\" selected>"));
        // the result list offers the wordings from the catalog, and filters on any item: the key result's second item
        assertTrue(html.contains("<option value=\"NO_PROBLEM\">未发现问题</option>") && html.contains("<option value=\"CLOSED\">"), html);
        String clean = page("/?region=" + COUNTY + "&result=NO_PROBLEM").asString();
        assertTrue(clean.contains(PortalFixture.usccs.get("plain")) && clean.contains(PortalFixture.usccs.get("key")), clean);
    }

    @Test
    void hostileEnterpriseNamesAreEscapedEverywhere() {
        List<String> pages = new ArrayList<>();
        pages.add(page("/?region=" + COUNTY).asString());
        pages.add(RestAssured.given().queryParam("q", IMG).get("/").asString());
        pages.add(page("/results/" + PortalFixture.ids.get("key")).asString());
        pages.add(page("/results/" + PortalFixture.ids.get("img")).asString());
        pages.add(RestAssured.given().queryParam("q", SCRIPT).get("/").asString());
        for (String html : pages) {
            assertFalse(html.contains(SCRIPT), "raw script tag: " + html);
            assertFalse(html.contains("<img"), "raw img tag: " + html);
            assertFalse(html.contains("<script"), "a script element: " + html);
        }
        assertTrue(pages.get(0).contains("&lt;script&gt;alert(1)&lt;/script&gt;"), pages.get(0));
        assertTrue(pages.get(0).contains("&quot;&gt;&lt;img src=x onerror=alert(1)&gt;"), pages.get(0));
        // the search form echoes the hostile query escaped inside its value attribute
        assertTrue(pages.get(1).contains("value=\"&quot;&gt;&lt;img src=x onerror=alert(1)&gt;\""), pages.get(1));
        assertTrue(pages.get(1).contains(PortalFixture.usccs.get("img")));
    }

    @Test
    void aConfidentialResultNeverAppears() {
        String secret = PortalFixture.usccs.get("secret");
        List<String> pages = new ArrayList<>();
        pages.add(page("/?region=" + COUNTY).asString());
        // searching for it finds nothing (the form echoes the query itself)
        assertTrue(page("/?q=" + secret).asString().contains("没有符合条件"));
        assertTrue(page("/?q=门户保密").asString().contains("没有符合条件"));
        pages.add(page("/?limit=100").asString());
        pages.add(page("/draws/" + PortalFixture.drawId).asString());
        for (String html : pages) {
            assertFalse(html.contains(secret) || html.contains(PortalFixture.SECRET_NAME), "the confidential result leaked: " + html);
        }
        page("/results/" + PortalFixture.ids.get("secret")).then().statusCode(404).body(containsString("未找到已公示的检查结果"))
                .body(not(containsString(secret)));
    }

    @Test
    void paginationLinksCarryTheCursorAndTheFilters() {
        String first = page("/?region=" + COUNTY + "&limit=2").then().statusCode(200).extract().asString();
        List<String> seen = new ArrayList<>(rowIds(first));
        assertEquals(2, seen.size(), first);
        Matcher m = NEXT.matcher(first);
        assertTrue(m.find(), "a 下一页 link: " + first);
        assertTrue(first.contains(">下一页</a>"));
        String next = m.group(1).replace("&amp;", "&");
        assertTrue(next.contains("region=" + COUNTY) && next.contains("limit=2") && next.contains("after="), next);
        String second = page(next).then().statusCode(200).extract().asString();
        List<String> more = rowIds(second);
        assertEquals(2, more.size(), second);
        assertFalse(NEXT.matcher(second).find(), "the last page has no 下一页");
        assertTrue(second.contains("id=\"first\""), "a way back to the first page");
        seen.addAll(more);
        // 4 entries: the correction (14 Oct) first, then the three results published on 12 Oct
        assertEquals(List.of(PortalFixture.ids.get("key")), seen.subList(0, 1));
        assertEquals(4, seen.size());
        assertTrue(seen.containsAll(List.of(PortalFixture.ids.get("img"), PortalFixture.ids.get("plain"))));
    }

    @Test
    void aResultShowsEveryVersionWithTheCorrectionReasonAndLinksToItsDraw() {
        String html = page("/results/" + PortalFixture.ids.get("key")).then().statusCode(200)
                .header("Cache-Control", containsString("public")).extract().asString();
        assertTrue(html.contains("检查日期录入错误"), html);
        // a row per item: 检查事项 / 检查结果, in the draw's order; each version lists its items too
        Matcher items = Pattern.compile("<table class=\"cards\" id=\"items\">(.*?)</table>", Pattern.DOTALL).matcher(html);
        assertTrue(items.find(), html);
        assertTrue(items.group(1).contains("<th>检查事项</th><th>检查结果</th>"), items.group(1));
        List<String> rows = new ArrayList<>();
        Matcher cell = Pattern.compile("<td data-label=\"检查事项\">([^<]*)</td>\\s*<td data-label=\"检查结果\">([^<]*)</td>").matcher(items.group(1));
        while (cell.find()) {
            rows.add(cell.group(1) + "=" + cell.group(2));
        }
        assertEquals(List.of(PortalFixture.ITEM_1 + "=发现问题已责令改正", PortalFixture.ITEM_2 + "=未发现问题"), rows);
        assertTrue(html.contains(PortalFixture.ITEM_2 + "：未发现问题"), html);
        assertTrue(html.contains("第 2 版") && html.contains("第 1 版"), html);
        assertTrue(html.contains("2026年第四季度双随机抽查"));
        assertTrue(html.contains("href=\"/draws/" + PortalFixture.drawId + "\""), html);
        assertFalse(html.contains("门户执法员") || html.contains("R130107-"), "no inspector data");
        // the draw page: the hashes, the selected (public) USCCs, the download link
        String draw = page("/draws/" + PortalFixture.drawId).then().statusCode(200).extract().asString();
        // a result is withheld: the pool shows only as its salted commitment
        String poolHash = RestAssured.given().get("/public/v1/draws/" + PortalFixture.drawId).path("poolCommitment");
        assertNotNull(poolHash);
        assertFalse(draw.contains("id=\"poolHash\"") || draw.contains("id=\"nonce\"") || draw.contains("id=\"seed\""), draw);
        assertTrue(draw.contains(poolHash) && draw.contains("href=\"/public/v1/draws/" + PortalFixture.drawId + "\""), draw);
        // the period as bureaus write it, and the footer from configuration (主办单位、联系方式、网站标识码、ICP备案号)
        assertTrue(draw.contains("<dd id=\"quarter\">2026年第四季度</dd>") && !draw.contains(">2026Q4<"), draw);
        assertTrue(draw.contains("主办单位：测试市生态环境局 · 联系方式：0318-1234567 · 网站标识码：1311000099 · 冀ICP备12345678号"), draw);
        assertTrue(html.contains("主办单位：测试市生态环境局"), html);
        assertTrue(draw.contains(PortalFixture.usccs.get("key")) && draw.contains("execute") && draw.contains("只公开哈希值"), draw);
        page("/draws/D999999999").then().statusCode(404).contentType(containsString("text/html")).body(containsString("尚未公开"));
        page("/results/nonsense").then().statusCode(404).body(containsString("未找到"));
    }

    @Test
    void badFiltersAreReadableChineseErrorsWith400() {
        String[][] cases = {
                {"/?q=厂", "至少 2 个字"},
                {"/?result=GOOD", "标准用语"},
                {"/?region=999999", "行政区划代码有误"},
                {"/?region=abc", "行政区划代码有误"},
                {"/?quarter=2026Q9", "季度格式有误"},
                {"/?from=2026-13-01", "起始日期格式有误"},
                {"/?from=2026-10-10&to=2026-10-01", "截止日期早于起始日期"},
                {"/?after=garbage", "翻页参数有误"},
                {"/?limit=0", "每页条数有误"},
                {"/?limit=x", "每页条数有误"},
                {"/items?region=999999", "行政区划代码有误"},
        };
        for (String[] c : cases) {
            page(c[0]).then().statusCode(400).contentType(containsString("text/html")).body(containsString(c[1]))
                    .body(containsString("class=\"error\"")).header("Cache-Control", "no-store");
        }
    }

    @Test
    void theItemListAndTheVerifyPage() {
        String items = page("/items?region=" + COUNTY).then().statusCode(200).header("Cache-Control", containsString("max-age=300"))
                .extract().asString();
        assertTrue(items.contains("污染源日常监管（门户测试）") && items.contains("实地检查、科技检查"), items);
        // an item the service had to read where its source is silent says so on its public page
        assertTrue(items.contains("说明：" + PortalFixture.READING_NOTE), items);
        page("/items").then().statusCode(200).body(containsString("随机抽查事项清单"));
        String verify = page("/verify").then().statusCode(200).extract().asString();
        assertTrue(verify.contains("sha256sum snapshot.txt") && verify.contains("python3 audit/replay_draw1.py snapshot.txt \"$SEED\"")
                && verify.contains("poolHash") && verify.contains("commit") && verify.contains("execute"), verify);
    }

    @Test
    void publicPagesCarryAnEntityTagAndAnswer304ToIt() {
        String path = "/results/" + PortalFixture.ids.get("key");
        Response first = page(path);
        first.then().statusCode(200);
        String tag = first.header("ETag");
        assertNotNull(tag, "a public page has an ETag");
        assertTrue(tag.matches("\"[0-9a-f]{32}\""), tag);
        assertEquals(tag, page(path).header("ETag"), "the same page, the same tag");
        Response again = RestAssured.given().header("If-None-Match", tag).get(path);
        again.then().statusCode(304);
        assertEquals("", again.asString());
        RestAssured.given().header("If-None-Match", "\"0000\"").get(path).then().statusCode(200);
        assertFalse(tag.equals(page("/verify").header("ETag")), "another page, another tag");
        // errors are not cached and carry no tag
        assertEquals(null, page("/?q=厂").header("ETag"));
    }

    @Test
    void theListShowsWhatAnnouncementsShowWithARunningNumberAndATotal() {
        String html = page("/?region=" + COUNTY).then().statusCode(200).extract().asString();
        assertTrue(html.contains("<th class=\"no\">序号</th><th>企业名称</th><th>统一社会信用代码</th><th>检查机关</th><th>检查事项</th>"
                + "<th>检查日期</th><th>检查结果</th><th>处理情况</th><th>公示日期</th>"), html);
        assertTrue(html.contains("<p id=\"total\">共 4 条</p>"), html);
        List<Map<String, String>> rows = cells(html, "results");
        assertEquals(List.of("1", "2", "3", "4"), rows.stream().map(r -> r.get("序号")).toList());
        // newest first: the key result's correction, inspected on 9 October, a problem corrected on the spot
        Map<String, String> key = rows.get(0);
        assertEquals(PortalFixture.usccs.get("key"), key.get("统一社会信用代码"));
        assertEquals("石家庄市生态环境局井陉矿区分局", key.get("检查机关"));
        assertEquals(PortalFixture.ITEM_1 + "；" + PortalFixture.ITEM_2, key.get("检查事项"));
        assertEquals("2026-10-09", key.get("检查日期"));
        assertEquals("发现问题已责令改正", key.get("检查结果"));
        assertEquals("立行立改", key.get("处理情况"));
        assertEquals(List.of("无需处理", "无需处理"), rows.stream().filter(r -> !r.get("统一社会信用代码").equals(
                PortalFixture.usccs.get("key"))).map(r -> r.get("处理情况")).toList());
        // the total follows every filter
        assertTrue(page("/?region=" + COUNTY + "&result=CORRECTED").asString().contains("共 2 条"));
        assertTrue(page("/?q=门户测试").asString().contains("共 1 条"));
        assertTrue(page("/?q=" + PortalFixture.usccs.get("key")).asString().contains("共 2 条"));
        assertTrue(page("/?region=" + COUNTY + "&quarter=2026Q4&from=2026-10-09&to=2026-10-09").asString().contains("共 1 条"));
        assertTrue(page("/?region=" + COUNTY + "&quarter=2026Q1").asString().contains("共 0 条"));
        // 序号 goes on over the pages; a forged count is refused, not rendered
        String first = page("/?region=" + COUNTY + "&limit=3").asString();
        Matcher m = NEXT.matcher(first);
        assertTrue(m.find(), first);
        String next = m.group(1).replace("&amp;", "&");
        assertTrue(next.contains("n=3"), next);
        assertEquals(List.of("4"), cells(page(next).asString(), "results").stream().map(r -> r.get("序号")).toList());
        page(next.replace("n=3", "n=-1")).then().statusCode(400).body(containsString("翻页参数有误"));
    }

    @Test
    void theResultAndDrawPagesNameHandlingAndSelectedEnterprisesAndProveTheDrawsRecords() {
        String result = page("/results/" + PortalFixture.ids.get("key")).then().statusCode(200).extract().asString();
        assertTrue(result.contains("<dd id=\"handling\">立行立改</dd>"), result);
        assertTrue(result.contains("<dd id=\"item-names\">" + PortalFixture.ITEM_1 + "；" + PortalFixture.ITEM_2 + "</dd>"), result);
        String draw = page("/draws/" + PortalFixture.drawId).then().statusCode(200).extract().asString();
        // each published enterprise by name, linked to its result; the confidential one neither named nor coded
        List<Map<String, String>> selected = cells(draw, "selected");
        assertEquals(3, selected.size(), draw);
        assertTrue(draw.contains("<a href=\"/results/" + PortalFixture.ids.get("plain") + "\">" + PortalFixture.PLAIN_NAME + "</a>"), draw);
        assertTrue(selected.stream().anyMatch(r -> r.get("企业名称").equals(PortalFixture.PLAIN_NAME)
                && r.get("统一社会信用代码").equals(PortalFixture.usccs.get("plain"))), selected.toString());
        assertTrue(draw.contains("另有 1 家抽中企业的检查结果依法不予公示"), draw);
        assertFalse(draw.contains(PortalFixture.SECRET_NAME) || draw.contains(PortalFixture.usccs.get("secret")), draw);
        // the proof on both pages: each of the draw's records, against the latest checkpoint, with links to its JSON
        for (String html : List.of(result, draw)) {
            assertFalse(html.contains("<script"), "no script on a proof page");
            long size = Long.parseLong(between(html, "<dd id=\"tree-size\">", "</dd>"));
            String root = between(html, "<dd class=\"code\" id=\"root-hash\">", "</dd>");
            String note = RestAssured.given().get("/public/v1/log/checkpoints/" + size).then().statusCode(200).extract().asString();
            assertEquals(Long.toString(size), note.split("\n")[1], note);
            assertEquals(root, note.split("\n")[2], "the page's root is the signed checkpoint's");
            assertTrue(html.contains("href=\"/public/v1/log/draws/" + PortalFixture.drawId + "?size=" + size + "\""), html);
            List<Map<String, String>> proofs = cells(html, "proofs");
            List<Number> seqs = RestAssured.given().get("/public/v1/draws/" + PortalFixture.drawId).path("records.seq");
            assertEquals(seqs.stream().map(Object::toString).toList(), proofs.stream().map(r -> r.get("记录序号")).toList());
            for (Map<String, String> p : proofs) {
                long leaf = Long.parseLong(p.get("叶子索引"));
                assertEquals(Long.parseLong(p.get("记录序号")) - 1, leaf);
                List<byte[]> path = new ArrayList<>();
                for (String step : p.get("审计路径").split("\n")) {
                    if (!step.startsWith("（")) {
                        path.add(Base64.getDecoder().decode(step.replaceFirst("^\\d+\\. ", "")));
                    }
                }
                assertTrue(Merkle.verifyInclusion(leaf, size, Base64.getDecoder().decode(p.get("叶子哈希")), path,
                        Base64.getDecoder().decode(root)), "the page's audit path leads to the checkpoint's root: " + p);
                assertTrue(html.contains("href=\"/public/v1/log/proofs/inclusion?seq=" + p.get("记录序号") + "&amp;size=" + size + "\""));
                String json = RestAssured.given().get("/public/v1/log/proofs/inclusion?seq=" + p.get("记录序号") + "&size=" + size)
                        .then().statusCode(200).extract().path("leafHash");
                assertEquals(p.get("叶子哈希"), json);
            }
        }
    }

    private static String between(String html, String start, String end) {
        int i = html.indexOf(start);
        assertTrue(i >= 0, start + " in " + html);
        return html.substring(i + start.length(), html.indexOf(end, i + start.length()));
    }

    /** The rows of a table's body as label → cell text (tags removed, {@code <br>} as a line break). */
    private static List<Map<String, String>> cells(String html, String tableId) {
        Matcher table = Pattern.compile("<table class=\"cards\" id=\"" + tableId + "\">.*?<tbody>(.*?)</tbody>", Pattern.DOTALL)
                .matcher(html);
        assertTrue(table.find(), tableId + " in " + html);
        List<Map<String, String>> rows = new ArrayList<>();
        for (String tr : table.group(1).split("<tr>")) {
            Matcher cell = Pattern.compile("<td data-label=\"([^\"]+)\"[^>]*>(.*?)</td>", Pattern.DOTALL).matcher(tr);
            Map<String, String> row = new LinkedHashMap<>();
            while (cell.find()) {
                row.put(cell.group(1), cell.group(2).replace("<br>", "\n").replaceAll("<[^>]+>", "").replace("&amp;", "&").strip());
            }
            if (!row.isEmpty()) {
                rows.add(row);
            }
        }
        return rows;
    }

    private static List<String> rowIds(String html) {
        List<String> out = new ArrayList<>();
        Matcher m = ROW_LINK.matcher(html);
        while (m.find()) {
            out.add(m.group(1));
        }
        return out;
    }
}
