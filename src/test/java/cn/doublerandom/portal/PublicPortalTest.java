package cn.doublerandom.portal;

import cn.doublerandom.draw.engine.Sha256;
import cn.doublerandom.platform.ServiceClock;
import cn.doublerandom.publication.PublicationService;
import cn.doublerandom.result.ResultFixture;
import cn.doublerandom.support.Api;
import cn.doublerandom.portal.search.NameSearch;
import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.sql.Connection;
import java.sql.ResultSet;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasItems;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

@QuarkusTest
class PublicPortalTest {

    private static ResultFixture a;
    private static ResultFixture b;
    private static final Map<String, String> ids = new java.util.HashMap<>();

    @Inject
    ServiceClock clock;

    @Inject
    PublicationService publication;

    @Inject
    AgroalDataSource dataSource;

    @Inject
    NameSearch names;

    @BeforeEach
    void publishOnce() {
        if (a != null) {
            return;
        }
        a = new ResultFixture("130110").items(2).drawn(clock, 3);
        b = new ResultFixture("130109").drawn(clock, 1);
        clock.use(Clock.fixed(Instant.parse("2026-10-12T02:00:00Z"), ZoneOffset.UTC));
        ids.put("a0", a.record(0, "2026-10-09", "2026-10-09", "CORRECTED", ""));
        ids.put("a1", a.record(1, "2026-10-10", "2026-10-10", "NO_PROBLEM", ""));
        ids.put("secret", a.record(2, "2026-10-10", "2026-10-10", "NO_PROBLEM",
                ",\"confidential\":true,\"confidentialReason\":\"涉及国家安全\""));
        ids.put("b0", b.record(0, "2026-10-09", "2026-10-09", "NO_PROBLEM", ""));
        ids.put("b1", b.record(1, "2026-10-09", "2026-10-09", "NO_PROBLEM", ""));
        // nothing is public before the job runs
        Api.anonymous().get("/public/v1/results?region=130110").then().statusCode(200).body("items", hasSize(0));
        publication.run();
        // a draw with a target still unrecorded is not public
        Api.anonymous().get("/public/v1/draws/" + a.drawId).then().statusCode(404);
        clock.use(Clock.fixed(Instant.parse("2026-10-14T02:00:00Z"), ZoneOffset.UTC));
        // two outcomes: the summary is the first (发现问题待处理), the second item's wording finds it too
        ids.put("a3", Api.operator(a.county).body(a.itemsBody(3, "2026-10-13", "2026-10-13",
                List.of("PENDING_HANDLING", "INFO_NOT_DISCLOSED"), "")).post("/api/v1/results").then().statusCode(201)
                .extract().path("id"));
        publication.run();
    }

    @AfterEach
    void realClock() {
        clock.use(Clock.systemUTC());
    }

    @Test
    void publishedResultsAreFilteredSortedAndPagedAsTheNationalPortalShowsThem() {
        Api.anonymous().get("/public/v1/results?region=130110").then().statusCode(200)
                .body("items", hasSize(3))
                // newest publication first: the 14 Oct run, then the 12 Oct run's in reverse order of publication
                .body("items.id", equalTo(List.of(ids.get("a3"), ids.get("a1"), ids.get("a0"))))
                .body("items[2].inspectionType", equalTo("双随机抽查")).body("items[2].authority", equalTo("130110"))
                .body("items[2].authorityName", equalTo("石家庄市生态环境局鹿泉区分局")).body("items[2].wordingText", equalTo("发现问题已责令改正"))
                .body("items[2].uscc", equalTo(a.uscc(0))).body("items[2].enterpriseName", containsString("130110"))
                .body("items[2].planName", equalTo("2026年第四季度双随机抽查")).body("items[2].drawId", equalTo(a.drawId))
                .body("items[2].inspectionDate", equalTo("2026-10-09")).body("items[2].publishedDate", equalTo("2026-10-12"))
                .body("next", nullValue());
        // a city includes its counties
        Api.anonymous().get("/public/v1/results?region=130100&limit=1000").then()
                .body("items.id", hasItems(ids.get("a0"), ids.get("b0"), ids.get("b1")));
        Api.anonymous().get("/public/v1/results?region=130109").then().body("items.id", equalTo(List.of(ids.get("b1"), ids.get("b0"))));
        Api.anonymous().get("/public/v1/results?region=130110&wording=CORRECTED").then().body("items.id", equalTo(List.of(ids.get("a0"))));
        Api.anonymous().get("/public/v1/results?region=130110&from=2026-10-10&to=2026-10-12").then()
                .body("items.id", equalTo(List.of(ids.get("a1"))));
        Api.anonymous().get("/public/v1/results?region=130110&quarter=2026Q1").then().body("items", hasSize(0));
        Api.anonymous().get("/public/v1/results?region=130110&quarter=2026Q4").then().body("items", hasSize(3));
        Api.anonymous().get("/public/v1/results?q=" + a.uscc(1)).then().body("items.id", equalTo(List.of(ids.get("a1"))));
        Api.anonymous().get("/public/v1/results?q=130110<一般>").then().body("items.id", equalTo(named("<一般>", false)))
                .body("items.enterpriseName", everyItem(containsString("<一般>建材厂")));
        Api.anonymous().get("/public/v1/results?q=100%").then().body("items", hasSize(0));
        // keyset pages: stable, no overlap
        JsonPath first = Api.anonymous().get("/public/v1/results?region=130110&limit=2").then().statusCode(200)
                .body("items", hasSize(2)).body("next", notNullValue()).extract().jsonPath();
        Api.anonymous().get("/public/v1/results?region=130110&limit=2&after=" + first.getString("next")).then()
                .body("items.id", equalTo(List.of(ids.get("a0")))).body("next", nullValue());
        assertEquals(List.of(ids.get("a3"), ids.get("a1")), first.getList("items.id"));
        // no inspector data
        String body = Api.anonymous().get("/public/v1/results?region=130100&limit=1000").asString();
        assertFalse(body.contains("R130110-") || body.contains("执法员"), "inspector codes or names leaked");
        Api.anonymous().get("/public/v1/results/" + ids.get("a0")).then().statusCode(200).body("items[0].version", equalTo(1));
    }

    @Test
    void eachItemIsPublishedAndTheResultFilterMatchesAnyItemOnAnIndex() throws Exception {
        List<String> itemNames = List.of(ResultFixture.itemName(0), ResultFixture.itemName(1));
        Api.anonymous().get("/public/v1/results?region=130110&wording=INFO_NOT_DISCLOSED").then().statusCode(200)
                .body("items.id", equalTo(List.of(ids.get("a3"))))
                .body("items[0].wording", equalTo("PENDING_HANDLING")).body("items[0].wordingText", equalTo("发现问题待处理"))
                .body("items[0].items.itemName", equalTo(itemNames))
                .body("items[0].items.wording", equalTo(List.of("PENDING_HANDLING", "INFO_NOT_DISCLOSED")))
                .body("items[0].items.wordingText", equalTo(List.of("发现问题待处理", "未按规定公示信息")));
        Api.anonymous().get("/public/v1/results?region=130110&wording=PENDING_HANDLING").then().body("items.id", equalTo(List.of(ids.get("a3"))));
        Api.anonymous().get("/public/v1/results?region=130110&wording=NO_PROBLEM").then().body("items.id", equalTo(List.of(ids.get("a1"))));
        Api.anonymous().get("/public/v1/results?region=130110&wording=CLOSED").then().statusCode(200).body("items", hasSize(0));
        // a result recorded with the one-wording shorthand publishes that wording for every item
        Api.anonymous().get("/public/v1/results/" + ids.get("a0")).then().statusCode(200)
                .body("items[0].items.itemName", equalTo(itemNames)).body("items[0].items.wording", equalTo(List.of("CORRECTED", "CORRECTED")));
        try (Connection c = dataSource.getConnection()) {
            try (ResultSet rs = c.createStatement().executeQuery(
                    "select indexdef from pg_indexes where indexname = 'publication_wordings_idx'")) {
                assertTrue(rs.next());
                assertTrue(rs.getString(1).contains("USING gin (wordings)"), rs.getString(1));
            }
            // the filter's predicate can use it (seq scans off only to ask the planner whether it can, in this small table)
            c.setAutoCommit(false);
            try {
                c.createStatement().execute("set local enable_seqscan = off");
                StringBuilder plan = new StringBuilder();
                try (ResultSet rs = c.createStatement().executeQuery(
                        "explain select result_id from publication where wordings @> array[cast('INFO_NOT_DISCLOSED' as text)]")) {
                    while (rs.next()) {
                        plan.append(rs.getString(1)).append('\n');
                    }
                }
                assertTrue(plan.toString().contains("publication_wordings_idx"), plan.toString());
            } finally {
                c.rollback();
                c.setAutoCommit(true);
            }
        }
    }

    @Test
    void badPortalQueriesAreProblems() {
        Api.anonymous().get("/public/v1/results?q=厂").then().statusCode(400).contentType("application/problem+json")
                .body("errors[0].field", equalTo("q"));
        Api.anonymous().get("/public/v1/results?wording=GOOD").then().statusCode(400);
        Api.anonymous().get("/public/v1/results?region=999999").then().statusCode(422);
        Api.anonymous().get("/public/v1/results?from=2026-13-01").then().statusCode(400);
        Api.anonymous().get("/public/v1/results?from=2026-10-10&to=2026-10-01").then().statusCode(400);
        Api.anonymous().get("/public/v1/results?after=garbage").then().statusCode(400);
        Api.anonymous().get("/public/v1/results?limit=0").then().statusCode(400);
        Api.anonymous().get("/public/v1/draws/x").then().statusCode(404);
    }

    @Test
    void cachesValidateByETagAndExpireInAMinute() {
        Response r = Api.anonymous().get("/public/v1/results?region=130110");
        r.then().statusCode(200).header("Cache-Control", containsString("public")).header("Cache-Control", containsString("max-age=60"))
                .header("ETag", notNullValue()).header("Last-Modified", containsString("14 Oct 2026 02:00:00 GMT"));
        String etag = r.header("ETag");
        Api.anonymous().header("If-None-Match", etag).get("/public/v1/results?region=130110").then().statusCode(304)
                .header("ETag", equalTo(etag)).header("Cache-Control", containsString("max-age=60"));
        Api.anonymous().header("If-None-Match", "\"other\"").get("/public/v1/results?region=130110").then().statusCode(200);
        String other = Api.anonymous().get("/public/v1/results?region=130110&limit=1").header("ETag");
        assertNotEquals(etag, other);
        Api.anonymous().get("/public/v1/draws/" + b.drawId).then().statusCode(200).header("ETag", notNullValue());
    }

    @Test
    void aConfidentialResultNeverAppearsInPublicNorDoesItsDrawsSnapshot() {
        String secretUscc = a.uscc(2);
        Api.anonymous().get("/public/v1/results?q=" + secretUscc).then().statusCode(200).body("items", hasSize(0));
        Api.anonymous().get("/public/v1/results/" + ids.get("secret")).then().statusCode(404);
        List<String> bodies = new ArrayList<>();
        bodies.add(Api.anonymous().get("/public/v1/results?limit=1000").asString());
        bodies.add(Api.anonymous().get("/public/v1/draws").asString());
        bodies.add(Api.anonymous().get("/public/v1/draws?region=130110").asString());
        Response draw = Api.anonymous().get("/public/v1/draws/" + a.drawId);
        draw.then().statusCode(200).body("withheld", equalTo(true)).body("snapshot", nullValue())
                .body("poolHash", nullValue()).body("nonce", nullValue()).body("seed", nullValue())
                .body("poolCommitment", org.hamcrest.Matchers.matchesPattern("[0-9a-f]{64}"))
                .body("records.kind", hasItems("prepare", "execute")).body("records.text", everyItem(nullValue()))
                .body("records.hash", everyItem(notNullValue()))
                .body("selected", equalTo(List.of(a.uscc(0), a.uscc(1), a.uscc(3))))
                .body("enterprises.uscc", equalTo(List.of(a.uscc(0), a.uscc(1), a.uscc(3)))).body("withheldCount", equalTo(1));
        bodies.add(draw.asString());
        for (String body : bodies) {
            assertFalse(body.contains(secretUscc), "the confidential target leaked: " + body);
        }
        // a draw with nothing withheld publishes its snapshot and records: anyone can check the hashes
        JsonPath open = Api.anonymous().get("/public/v1/draws/" + b.drawId).then().statusCode(200)
                .body("withheld", equalTo(false)).body("selected", equalTo(List.of(b.uscc(0), b.uscc(1))))
                .body("planName", equalTo("2026年第四季度双随机抽查")).extract().jsonPath();
        assertEquals(open.getString("poolHash"), Sha256.hex(open.getString("snapshot")));
        assertEquals(open.getString("commit"), Sha256.hex(open.getString("nonce")));
        for (Map<String, Object> rec : open.<Map<String, Object>>getList("records")) {
            assertEquals(rec.get("hash"), Sha256.hex(rec.get("prevHash") + "\n" + rec.get("text")));
        }
        assertTrue(open.getString("seed").startsWith("result-130109|"));
        // each selected enterprise by its published name, with links to its result that lead there
        assertEquals(List.of(b.uscc(0), b.uscc(1)), open.getList("enterprises.uscc"));
        assertEquals(0, open.getInt("withheldCount"));
        for (Map<String, Object> e : open.<Map<String, Object>>getList("enterprises")) {
            assertEquals("/public/v1/results/" + e.get("resultId"), e.get("result"));
            assertEquals("/results/" + e.get("resultId"), e.get("page"));
            // the one visit's items, each by its method: none of the fixture's targets may be checked off site
            assertEquals(List.of(Map.of("itemId", b.itemIds().get(0).intValue(), "name", ResultFixture.itemName(0), "method", "ON_SITE",
                    "methodLabel", "实地检查", "unannounced", true)), e.get("items"));
            Api.anonymous().get((String) e.get("result")).then().statusCode(200).body("items[0].id", equalTo(e.get("resultId")))
                    .body("items[0].uscc", equalTo(e.get("uscc"))).body("items[0].enterpriseName", equalTo(e.get("name")));
            Api.anonymous().accept("text/html").get((String) e.get("page")).then().statusCode(200)
                    .body(org.hamcrest.Matchers.containsString((String) e.get("uscc")));
        }
        Api.anonymous().get("/public/v1/draws?region=130109").then().body("items.id", hasItem(b.drawId));
        Api.anonymous().accept("text/html").get("/draws/" + b.drawId).then().statusCode(200)
                .body(org.hamcrest.Matchers.containsString(ResultFixture.itemName(0) + "（实地检查，四不两直）"));
    }

    @Test
    void nameSearchIsServedByTheIndexAndAgreesWithSql() throws Exception {
        for (int i = 0; i < 100 && !names.ready(); i++) {
            Thread.sleep(100);
        }
        assertTrue(names.ready(), "the name index loads in the background after start");
        // the index path (no result filter) and the SQL path (with one) find the same names
        List<String> byIndex = Api.anonymous().get("/public/v1/results?region=130110&q=<一般>").then().statusCode(200)
                .extract().jsonPath().getList("items.id");
        List<String> bySql = Api.anonymous().get("/public/v1/results?region=130110&q=<一般>&wording=NO_PROBLEM").then()
                .statusCode(200).extract().jsonPath().getList("items.id");
        assertFalse(byIndex.isEmpty());
        assertEquals(named("<一般>", false), byIndex);
        assertEquals(named("<一般>", true), bySql);
        // two characters are enough, paging works on the index path too, and a withheld result is never found
        JsonPath first = Api.anonymous().get("/public/v1/results?region=130110&q=一般&limit=1").then().statusCode(200)
                .body("items.id", equalTo(byIndex.subList(0, 1))).extract().jsonPath();
        if (byIndex.size() > 1) {
            Api.anonymous().get("/public/v1/results?region=130110&q=一般&limit=1&after=" + first.getString("next")).then()
                    .body("items.id", equalTo(byIndex.subList(1, 2)));
        }
        Api.anonymous().get("/public/v1/results?region=130110&q=化工&limit=1000").then().statusCode(200)
                .body("items.uscc", not(hasItem(a.uscc(2)))).body("items.id", equalTo(named("化工", false)));
    }

    /** The ids of 130110's published results whose name contains the text (only those 未发现问题), in list order. */
    private static List<String> named(String text, boolean noProblemOnly) {
        JsonPath all = Api.anonymous().get("/public/v1/results?region=130110").then().statusCode(200).extract().jsonPath();
        List<String> out = new java.util.ArrayList<>();
        for (int i = 0; i < all.getList("items").size(); i++) {
            if (all.getString("items[" + i + "].enterpriseName").contains(text)
                    && (!noProblemOnly || all.getString("items[" + i + "].wording").equals("NO_PROBLEM"))) {
                out.add(all.getString("items[" + i + "].id"));
            }
        }
        return out;
    }

    @Test
    void nameSearchHasATrigramIndex() throws Exception {
        try (Connection c = dataSource.getConnection(); ResultSet rs = c.createStatement().executeQuery(
                "select (select count(*) from pg_extension where extname = 'pg_trgm'),"
                        + " (select count(*) from pg_indexes where indexname = 'publication_name_trgm_idx')")) {
            rs.next();
            assertEquals(List.of(1L, 1L), List.of(rs.getLong(1), rs.getLong(2)));
        }
        Api.anonymous().get("/public/v1/results?q=重点化工").then().statusCode(200).body("items.uscc", not(hasItem(a.uscc(2))));
    }
}
