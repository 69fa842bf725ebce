package cn.doublerandom.draw;

import cn.doublerandom.draw.ledger.Ledger;
import cn.doublerandom.platform.ServiceClock;
import cn.doublerandom.support.Api;
import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import jakarta.transaction.TransactionalException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;

import static org.hamcrest.Matchers.endsWith;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

/** One journal writes a draw's history: fact rows, audit row and ledger record, together or not at all. */
@QuarkusTest
class DrawJournalTest {

    private static final Instant OCTOBER_12 = Instant.parse("2026-10-12T02:00:00Z");
    private static final String COUNTY = "130632";
    private static long itemId;

    @Inject
    ServiceClock clock;

    @Inject
    AgroalDataSource dataSource;

    @Inject
    Ledger ledger;

    @Inject
    DrawJournal journal;

    @BeforeEach
    void fixClock() {
        clock.use(Clock.fixed(OCTOBER_12, ZoneOffset.UTC));
        if (itemId == 0) {
            Api.as("admin", "130600").body("{}").put("/api/v1/policies/130600/2026").then()
                    .statusCode(org.hamcrest.Matchers.oneOf(200, 201));
            itemId = ((Number) Api.as("admin", "130600").body("""
                    {"regionCode":"130600","seqNo":"1","name":"污染源日常监管（日志测试）","category":"GENERAL","targetType":"排污单位",
                     "inspectingLevel":"COUNTY_AND_ABOVE","legalBasis":"《中华人民共和国环境保护法》","content":"排污许可执行情况",
                     "methods":["ON_SITE"],"jointInspection":false}""")
                    .post("/api/v1/items").then().statusCode(201).extract().path("id")).longValue();
            new DrawFixture(COUNTY).build(6, 2, 6, 8);
        }
    }

    @AfterEach
    void realClock() {
        clock.use(Clock.systemUTC());
    }

    @Test
    void theLedgerAndTheJournalRefuseToWriteOutsideATransaction() throws SQLException {
        long records = count("select count(*) from ledger");
        long voids = count("select count(*) from draw_void");
        assertThrows(TransactionalException.class, () -> ledger.append("D000000001", "void", COUNTY, "2026Q4",
                h -> "seq " + h.seq() + "\n"));
        assertThrows(TransactionalException.class, () -> journal.record(new DrawEvent.Voided("D000000001", COUNTY, "2026Q4",
                "outside a transaction", OCTOBER_12, "test")));
        assertEquals(records, count("select count(*) from ledger"));
        assertEquals(voids, count("select count(*) from draw_void"));
    }

    @Test
    void eachEventIsOneFactOneAuditRowAndOneLedgerRecord() throws SQLException {
        String id = prepareDirected("{\"supervisionClass\":\"KEY\"}", 2).then().statusCode(201).extract().path("id");
        Api.operator(COUNTY).body("{\"seed\":\"66260701500000000001\"}").post("/api/v1/draws/" + id + "/execute")
                .then().statusCode(200).body("status", equalTo("EXECUTED"));
        Api.as("auditor", "ALL").body("{\"reason\":\"日志测试：作废\"}").post("/api/v1/draws/" + id + "/void")
                .then().statusCode(200).body("status", equalTo("VOIDED"));
        assertEquals(List.of("PREPARE", "EXECUTE", "VOID"),
                strings("select action from audit_event where entity = 'DRAW' and entity_id = '" + id + "' order by id"));
        assertEquals(List.of("prepare", "execute", "void"),
                strings("select kind from ledger where draw_id = '" + id + "' order by seq"));
        assertEquals(List.of("VOIDED"), strings("select status from draw_state where id = '" + id + "'"));
        assertEquals(2, count("select count(*) from draw_selection where draw_id = '" + id + "'"));
        Api.as("auditor", "ALL").get("/api/v1/ledger/verify").then().statusCode(200)
                .body("intact", equalTo(true)).body("factsMatch", equalTo(true));
    }

    @Test
    void aSubstitutionAndAFailureAreEachOneFactOneAuditRowAndOneLedgerRecord() throws SQLException {
        String id = prepareDirected("{\"supervisionClass\":\"GENERAL\"}", 1).then().statusCode(201).extract().path("id");
        Response executed = Api.operator(COUNTY).body("{\"seed\":\"66260701500000000003\"}").post("/api/v1/draws/" + id + "/execute");
        executed.then().statusCode(200).body("status", equalTo("EXECUTED"));
        String uscc = executed.path("targets[0].uscc");
        List<String> team = executed.path("targets[0].team");
        Api.operator(COUNTY).body("{\"member\":\"" + team.get(0) + "\",\"reason\":\"日志测试：病假\"}")
                .post("/api/v1/draws/" + id + "/targets/" + uscc + "/substitute").then().statusCode(200);
        assertEquals(List.of("PREPARE", "EXECUTE", "SUBSTITUTE"),
                strings("select action from audit_event where entity = 'DRAW' and entity_id = '" + id + "' order by id"));
        assertEquals(List.of("prepare", "execute", "substitute"), strings("select kind from ledger where draw_id = '" + id + "' order by seq"));
        assertEquals(1, count("select count(*) from draw_substitution where draw_id = '" + id + "'"));

        // a county whose one certified inspector cannot make a team of two: the attempt is kept, once in each
        DrawFixture f = new DrawFixture("130683").build(4, 0, 2, 1);
        String failed = Api.operator(f.county).body("{\"authority\":\"" + f.county + "\",\"quarter\":\"2026Q4\",\"items\":[" + itemId
                + "]}").post("/api/v1/draws").then().statusCode(201).extract().path("id");
        Api.operator(f.county).body("{\"seed\":\"66260701500000000004\"}").post("/api/v1/draws/" + failed + "/execute").then()
                .statusCode(422).body("type", endsWith("/problems/draw-failed"));
        assertEquals(List.of("PREPARE", "FAIL"),
                strings("select action from audit_event where entity = 'DRAW' and entity_id = '" + failed + "' order by id"));
        assertEquals(List.of("prepare", "fail"), strings("select kind from ledger where draw_id = '" + failed + "' order by seq"));
        assertEquals(1, count("select count(*) from draw_failure where draw_id = '" + failed + "'"));
        assertEquals(List.of("FAILED"), strings("select status from draw_state where id = '" + failed + "'"));
        Api.as("auditor", "ALL").get("/api/v1/ledger/verify").then().statusCode(200).body("factsMatch", equalTo(true));
    }

    @Test
    void aDirectedDrawThatMatchesNothingIsRefusedAtPrepareAndWritesNothing() throws SQLException {
        long draws = count("select count(*) from draw_state");
        long records = count("select count(*) from ledger");
        prepareDirected("{\"industry\":\"不存在的行业\"}", 3).then().statusCode(422)
                .contentType(containsString("application/problem+json"))
                .body("type", endsWith("/problems/empty-pool")).body("detail", containsString("no eligible target"))
                .body("errors.field", hasItem("filter"));
        assertEquals(draws, count("select count(*) from draw_state"));
        assertEquals(records, count("select count(*) from ledger"));
    }

    @Test
    void replayAndVerificationCompareWhatIsServedWithTheLedger() throws SQLException {
        String id = prepareDirected("{\"supervisionClass\":\"SPECIAL\"}", 2).then().statusCode(201).extract().path("id");
        List<String> team = Api.operator(COUNTY).body("{\"seed\":\"66260701500000000002\"}").post("/api/v1/draws/" + id + "/execute")
                .then().statusCode(200).extract().path("targets[0].team");
        String uscc = Api.operator(COUNTY).get("/api/v1/draws/" + id).then().extract().path("targets[0].uscc");
        Api.operator(COUNTY).get("/api/v1/draws/" + id + "/replay").then().body("matches", equalTo(true))
                .body("servedMatches", equalTo(true));

        // a team rewritten behind the service's back (triggers off): served, so replay must say it differs
        String forged = "{" + COUNTY + "-FORGED,T" + COUNTY + "-91}";
        behindTheServicesBack("update draw_target set team = '" + forged + "' where draw_id = '" + id + "' and uscc = '" + uscc + "'");
        try {
            Api.operator(COUNTY).get("/api/v1/draws/" + id + "/replay").then().statusCode(200)
                    .body("matches", equalTo(false)).body("servedMatches", equalTo(false)).body("resultMatches", equalTo(true))
                    .body("differences.toString()", containsString("the team served for " + uscc));
        } finally {
            behindTheServicesBack("update draw_target set team = '{" + String.join(",", team) + "}' where draw_id = '" + id
                    + "' and uscc = '" + uscc + "'");
        }

        // a void removed: the draw is served as executed again, which the ledger contradicts
        Api.as("auditor", "ALL").body("{\"reason\":\"日志测试：作废后删除\"}").post("/api/v1/draws/" + id + "/void").then().statusCode(200);
        behindTheServicesBack("delete from draw_void where draw_id = '" + id + "'");
        try {
            Api.operator(COUNTY).get("/api/v1/draws/" + id + "/replay").then().statusCode(200)
                    .body("matches", equalTo(false)).body("servedMatches", equalTo(false))
                    .body("differences.toString()", containsString("the ledger voids the draw, the service serves it as EXECUTED"));
            Api.as("auditor", "ALL").get("/api/v1/ledger/verify").then().statusCode(200)
                    .body("intact", equalTo(false)).body("factsMatch", equalTo(false))
                    .body("factDifferences.toString()", containsString("draw " + id + ": served executed=true failed=false voided=false"));
        } finally {
            behindTheServicesBack("insert into draw_void (draw_id, reason, voided_at, voided_by) values ('" + id
                    + "', '日志测试：作废后删除', now(), 'test')");
        }
        Api.as("auditor", "ALL").get("/api/v1/ledger/verify").then().statusCode(200).body("factsMatch", equalTo(true));
    }

    private static Response prepareDirected(String filter, int count) {
        return Api.operator(COUNTY).body("{\"authority\":\"" + COUNTY + "\",\"quarter\":\"2026Q4\",\"kind\":\"DIRECTED\",\"count\":"
                + count + ",\"filter\":" + filter + ",\"items\":[" + itemId + "]}").post("/api/v1/draws");
    }

    /** What someone with the database's owner rights could do: triggers off for this session. */
    private void behindTheServicesBack(String sql) throws SQLException {
        try (Connection c = dataSource.getConnection(); Statement s = c.createStatement()) {
            s.execute("set session_replication_role = replica");
            try {
                s.execute(sql);
            } finally {
                s.execute("set session_replication_role = origin");
            }
        }
    }

    private long count(String sql) throws SQLException {
        try (Connection c = dataSource.getConnection(); Statement s = c.createStatement(); ResultSet rs = s.executeQuery(sql)) {
            rs.next();
            return rs.getLong(1);
        }
    }

    private List<String> strings(String sql) throws SQLException {
        try (Connection c = dataSource.getConnection(); Statement s = c.createStatement(); ResultSet rs = s.executeQuery(sql)) {
            List<String> out = new ArrayList<>();
            while (rs.next()) {
                out.add(rs.getString(1));
            }
            return out;
        }
    }
}
