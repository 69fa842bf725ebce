package cn.doublerandom.publication;

import cn.doublerandom.platform.ServiceClock;
import cn.doublerandom.result.ResultFixture;
import cn.doublerandom.support.Api;
import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;
import static org.hamcrest.Matchers.oneOf;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

@QuarkusTest
class PublicationTest {

    @Inject
    ServiceClock clock;

    @Inject
    PublicationService publication;

    @Inject
    AgroalDataSource dataSource;

    @AfterEach
    void realClock() {
        clock.use(Clock.systemUTC());
    }

    private void at(String instant) {
        clock.use(Clock.fixed(Instant.parse(instant), ZoneOffset.UTC));
    }

    @Test
    void deadlinesCountWorkingDaysAcrossSpringFestivalAndNationalDay() {
        // Spring Festival 2026: 15-23 Feb off, Saturdays 14 and 28 Feb are make-up working days
        ResultFixture q1 = new ResultFixture("130130").drawn(clock, 1, Instant.parse("2026-02-05T02:00:00Z"), "2026Q1");
        at("2026-02-13T02:00:00Z");
        String spring = q1.record(0, "2026-02-10", "2026-02-12", "NO_PROBLEM", "");
        Api.operator(q1.county).get("/api/v1/results/" + spring).then().statusCode(200)
                .body("publication.deadline", equalTo("2026-03-18")).body("publication.deadlineState", equalTo("KNOWN"));
        // National Day 2026: 1-7 Oct off; Saturday 10 Oct is a make-up working day and counts as day 1
        ResultFixture q4 = new ResultFixture("130171").drawn(clock, 1);
        at("2026-10-12T02:00:00Z");
        String national = q4.record(0, "2026-10-09", "2026-10-09", "NO_PROBLEM", "");
        Api.operator(q4.county).get("/api/v1/results/" + national).then()
                .body("publication.deadline", equalTo("2026-11-05")).body("publication.overdue", equalTo(false));
    }

    @Test
    void theDueListComesAPageAtATimeInDeadlineOrderWithItsTotal() {
        // 隆尧县 (130525): no other test writes its results
        ResultFixture f = new ResultFixture("130525").drawn(clock, 3);
        at("2026-10-12T02:00:00Z");
        String late = f.record(0, "2026-10-12", "2026-10-12", "NO_PROBLEM", "");
        String early = f.record(1, "2026-10-09", "2026-10-09", "NO_PROBLEM", "");
        String middle = f.record(2, "2026-10-10", "2026-10-10", "NO_PROBLEM", "");
        // the job has not run: by December all three are overdue, in deadline order
        at("2026-12-01T02:00:00Z");
        String due = "/api/v1/publication/due?authority=" + f.county;
        Api.operator(f.county).get(due).then().statusCode(200).body("items.resultId", equalTo(List.of(early, middle, late)))
                .body("items.overdue", equalTo(List.of(true, true, true))).body("total", equalTo(3)).body("next", nullValue());
        List<String> walked = new ArrayList<>();
        String after = null;
        int pages = 0;
        do {
            io.restassured.path.json.JsonPath page = Api.operator(f.county).queryParam("limit", 1)
                    .queryParams(after == null ? java.util.Map.of() : java.util.Map.of("after", after)).get(due)
                    .then().statusCode(200).body("total", equalTo(3)).extract().jsonPath();
            walked.addAll(page.getList("items.resultId"));
            after = page.getString("next");
            pages++;
        } while (after != null && pages < 10);
        assertEquals(List.of(early, middle, late), walked);
        assertEquals(3, pages);
        // a cursor keeps its place when the element it names leaves the list: the job publishes it late
        String afterEarly = Api.operator(f.county).get(due + "&limit=1").then().extract().path("next");
        publication.run();
        Api.operator(f.county).queryParam("after", afterEarly).get(due).then().statusCode(200).body("items", hasSize(0))
                .body("total", equalTo(0));
        // cursors that are not a 'next' of this list
        java.util.Base64.Encoder b64 = java.util.Base64.getUrlEncoder().withoutPadding();
        for (String bad : new String[]{b64.encodeToString("x".getBytes()), b64.encodeToString("2026-13-45|R1|PUBLICATION|1|".getBytes()),
                b64.encodeToString("2026-11-05|R1|OTHER|1|".getBytes()), "!!", "a".repeat(200)}) {
            Api.operator(f.county).queryParam("after", bad).get(due).then().statusCode(400)
                    .contentType("application/problem+json").body("errors[0].field", equalTo("after"));
        }
        // the authority's draws page in the same way: after its only draw there is nothing
        String drawCursor = b64.encodeToString(f.drawId.getBytes());
        Api.operator(f.county).queryParam("after", drawCursor).get("/api/v1/draws?authority=" + f.county).then().statusCode(200)
                .body("items", hasSize(0)).body("total", equalTo(1)).body("next", nullValue());
        Api.operator(f.county).get("/api/v1/draws?authority=" + f.county + "&limit=1").then().statusCode(200)
                .body("items.id", equalTo(List.of(f.drawId))).body("total", equalTo(1)).body("next", nullValue());
        Api.operator(f.county).queryParam("after", b64.encodeToString("R1".getBytes())).get("/api/v1/draws?authority=" + f.county)
                .then().statusCode(400).body("errors[0].field", equalTo("after"));
    }

    @Test
    void theJobPublishesWhatIsPublishableOnceMarksOverdueAndWaitsForAMissingYear() throws Exception {
        ResultFixture f = new ResultFixture("130181").drawn(clock, 3);
        at("2026-10-12T02:00:00Z");
        String open = f.record(0, "2026-10-09", "2026-10-09", "CORRECTED", "");
        String held = f.record(1, "2026-10-09", "2026-10-09", "NO_PROBLEM", "");
        String secret = f.record(2, "2026-10-09", "2026-10-09", "NO_PROBLEM", ",\"confidential\":true,\"confidentialReason\":\"涉及公共安全\"");
        Api.operator(f.county).body("{}").post("/api/v1/results/" + held + "/hold").then().statusCode(400);
        Api.operator(f.county).body("{\"reason\":\"涉及正在办理的案件，待结案后公开\"}").post("/api/v1/results/" + held + "/hold")
                .then().statusCode(200).body("publication.state", equalTo("HELD"))
                .body("publication.holdReason", equalTo("涉及正在办理的案件，待结案后公开"));
        Api.operator(f.county).body("{\"reason\":\"x\"}").post("/api/v1/results/" + secret + "/hold").then().statusCode(409);

        // Monday 12 October, 10:00 in Shanghai
        PublicationService.Run first = publication.run();
        assertTrue(first.ran());
        Api.operator(f.county).get("/api/v1/results/" + open).then().body("publication.state", equalTo("PUBLISHED"))
                .body("publication.onTime", equalTo(true)).body("publication.publishedAt", equalTo("2026-10-12T02:00:00Z"))
                .body("current.publishedAt", equalTo("2026-10-12T02:00:00Z"));
        Api.operator(f.county).get("/api/v1/results/" + held).then().body("publication.state", equalTo("HELD"));
        Api.operator(f.county).get("/api/v1/results/" + secret).then().body("publication.state", equalTo("WITHHELD"))
                .body("publication.publishedAt", nullValue());
        assertEquals(List.of(1L, 0L, 0L), List.of(rows(open), rows(held), rows(secret)));
        // run again: nothing is published twice
        publication.run();
        assertEquals(List.of(1L, 0L, 0L), List.of(rows(open), rows(held), rows(secret)));
        // a published result cannot be held; held results cannot be held twice
        Api.operator(f.county).body("{\"reason\":\"x\"}").post("/api/v1/results/" + open + "/hold").then().statusCode(409);

        // due within 3 working days: not yet on 12 October; on Monday 2 November (3, 4, 5 Nov left)
        Api.operator(f.county).get("/api/v1/publication/due?authority=" + f.county).then().statusCode(200)
                .body("items.resultId", not(hasItem(held)));
        at("2026-11-02T02:00:00Z");
        Api.operator(f.county).get("/api/v1/publication/due?authority=" + f.county).then()
                .body("items.find { it.resultId == '" + held + "' }.workingDaysLeft", equalTo(3))
                .body("items.find { it.resultId == '" + held + "' }.state", equalTo("HELD"))
                .body("items.find { it.resultId == '" + held + "' }.overdue", equalTo(false))
                .body("items.resultId", not(hasItem(secret))).body("items.resultId", not(hasItem(open)));
        Api.as("city", "130100").get("/api/v1/publication/due?authority=130100").then().statusCode(200).body("items.resultId", hasItem(held));
        Api.operator("130183").get("/api/v1/publication/due?authority=" + f.county).then().statusCode(403);

        // the deadline day (5 Nov) passes: on the 6th the held result is overdue, and marked once
        at("2026-11-05T15:59:00Z"); // 23:59 on the 5th in Shanghai: not yet
        assertEquals(0, countOverdue(held));
        publication.run();
        assertEquals(0, countOverdue(held));
        at("2026-11-05T16:00:00Z"); // 00:00 on the 6th
        publication.run();
        publication.run();
        assertEquals(1, countOverdue(held));
        Api.operator(f.county).get("/api/v1/results/" + held).then().body("publication.overdue", equalTo(true));
        Api.operator(f.county).get("/api/v1/publication/due?authority=" + f.county).then()
                .body("items.find { it.resultId == '" + held + "' }.overdue", equalTo(true));
        // released, it is published by the next run, late
        Api.operator(f.county).body("{\"reason\":\"案件已结案\"}").post("/api/v1/results/" + held + "/release").then().statusCode(200)
                .body("publication.state", equalTo("PUBLISHABLE"));
        at("2026-11-09T01:00:00Z");
        publication.run();
        Api.operator(f.county).get("/api/v1/results/" + held).then().body("publication.state", equalTo("PUBLISHED"))
                .body("publication.onTime", equalTo(false)).body("publication.overdue", equalTo(true));
        Api.operator(f.county).get("/api/v1/publication/due?authority=" + f.county).then().body("items.resultId", not(hasItem(held)));

        // a correction of a published result is a new version, published by the next run; the first stays published
        at("2026-11-10T01:00:00Z");
        String body = f.body(0, "2026-10-09", "2026-10-09", "PENDING_HANDLING", "")
                .replaceAll("\"drawId\":\"[^\"]+\",\"uscc\":\"[^\"]+\",", "\"reason\":\"处理结果更正\",");
        Api.operator(f.county).body(body).post("/api/v1/results/" + open + "/corrections").then().statusCode(201)
                .body("publication.state", equalTo("PUBLISHABLE")).body("publication.deadline", equalTo("2026-12-08"))
                .body("versions[1].publishedAt", notNullValue());
        publication.run();
        assertEquals(2L, rows(open));

        // a determination late in 2027, when the calendar lacks 2027 or 2028: the deadline waits, the job does not fail
        at("2027-12-21T02:00:00Z");
        String late = f.record(3, "2027-12-20", "2027-12-20", "NO_PROBLEM", "");
        Api.operator(f.county).get("/api/v1/results/" + late).then().body("publication.deadlineState", equalTo("PENDING"))
                .body("publication.deadline", nullValue()).body("publication.missingYear", oneOf(2027, 2028));
        Api.operator(f.county).get("/api/v1/publication/due?authority=" + f.county).then()
                .body("items.find { it.resultId == '" + late + "' }.deadlineState", equalTo("PENDING"));
        PublicationService.Run pending = publication.run();
        assertTrue(pending.ran());
        assertTrue(pending.pendingDeadlines() >= 1);
        Api.operator(f.county).get("/api/v1/results/" + late).then().body("publication.state", equalTo("PUBLISHED"))
                .body("publication.deadlineState", equalTo("PENDING"));
        assertEquals(0L, rows(secret));
    }

    @Test
    void oneRunAtATimeAcrossInstancesAndEachVersionPublishedOnce() throws Exception {
        ResultFixture f = new ResultFixture("130172").drawn(clock, 1);
        at("2026-10-13T02:00:00Z");
        String id = f.record(0, "2026-10-12", "2026-10-12", "NO_PROBLEM", "");
        // another instance holds the job's lock: this one skips and publishes nothing
        try (Connection other = dataSource.getConnection()) {
            other.setAutoCommit(false);
            try (PreparedStatement ps = other.prepareStatement("select pg_try_advisory_xact_lock(hashtext(?))")) {
                ps.setString(1, PublicationService.JOB_LOCK);
                try (ResultSet rs = ps.executeQuery()) {
                    rs.next();
                    assertTrue(rs.getBoolean(1));
                }
            }
            assertFalse(publication.run().ran());
            assertEquals(0L, rows(id));
            other.commit();
        }
        // replicas racing: every run either skips or runs, and the version is published exactly once
        ExecutorService pool = Executors.newFixedThreadPool(4);
        List<Callable<PublicationService.Run>> runs = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
            runs.add(() -> publication.run());
        }
        int ran = 0;
        for (Future<PublicationService.Run> r : pool.invokeAll(runs)) {
            ran += r.get().ran() ? 1 : 0;
        }
        pool.shutdown();
        assertTrue(ran >= 1);
        assertEquals(1L, rows(id));
        // and the database itself refuses a second publication of the same version
        try (Connection c = dataSource.getConnection()) {
            java.sql.SQLException e = org.junit.jupiter.api.Assertions.assertThrows(java.sql.SQLException.class, () -> c.createStatement()
                    .execute("insert into publication select * from publication where result_id = '" + id + "'"));
            assertTrue(e.getMessage().contains("duplicate key"), e.getMessage());
        }
    }

    @Test
    void theJobReadsAQueueOfWhatIsLeftToPublishAndDropsWhatIsDone() throws Exception {
        // 130104 and 130105 are otherwise only the excluded ImportBenchmark's
        ResultFixture f = new ResultFixture("130104").drawn(clock, 3);
        ResultFixture v = new ResultFixture("130105").drawn(clock, 1);
        at("2026-11-02T02:00:00Z"); // Monday: a determination of 9 October is due by the 5th
        String plain = f.record(0, "2026-10-09", "2026-10-09", "NO_PROBLEM", "");
        String held = f.record(1, "2026-10-09", "2026-10-09", "NO_PROBLEM", "");
        String secret = f.record(2, "2026-10-09", "2026-10-09", "NO_PROBLEM", ",\"confidential\":true,\"confidentialReason\":\"涉及公共安全\"");
        String corrected = f.record(3, "2026-10-09", "2026-10-09", "NO_PROBLEM", "");
        Api.operator(f.county).body(correction(f, 3)).post("/api/v1/results/" + corrected + "/corrections").then().statusCode(201);
        String voided = v.record(0, "2026-10-09", "2026-10-09", "NO_PROBLEM", "");
        Api.operator(f.county).body("{\"reason\":\"涉及正在办理的案件\"}").post("/api/v1/results/" + held + "/hold").then().statusCode(200);
        Api.as("auditor", "130100").body("{\"reason\":\"名录库导入错误\"}").post("/api/v1/draws/" + v.drawId + "/void").then().statusCode(200);
        // the database queued every version recorded, whatever will become of it
        List<String> all = List.of(plain + " v1", held + " v1", secret + " v1", corrected + " v1", corrected + " v2", voided + " v1");
        assertEquals(all, queued(f, v));
        // the due list reads the queue as the job does, and deletes nothing
        Api.operator(f.county).get("/api/v1/publication/due?authority=" + f.county).then().statusCode(200)
                .body("items.resultId", hasItem(plain)).body("items.resultId", hasItem(held)).body("items.resultId", not(hasItem(secret)))
                .body("items.find { it.resultId == '" + corrected + "' }.version", equalTo(2));
        Api.operator(v.county).get("/api/v1/publication/due?authority=" + v.county).then().statusCode(200).body("items", hasSize(0));
        assertEquals(all, queued(f, v));

        // a run publishes what is publishable and drops what is done: published, superseded, confidential, voided
        publication.run();
        assertEquals(List.of(1L, 0L, 0L, 1L, 0L), List.of(rows(plain), rows(held), rows(secret), rows(corrected), rows(voided)));
        assertEquals(List.of(2), publishedVersions(corrected));
        assertEquals(List.of(held + " v1"), queued(f, v));
        // with nothing publishable the held result is all it looks at, and it stays queued
        PublicationService.Run idle = publication.run();
        assertEquals(0, idle.published());
        assertEquals(List.of(held + " v1"), queued(f, v));
        // released, it is published by the next run with no new row queued
        Api.operator(f.county).body("{\"reason\":\"案件已结案\"}").post("/api/v1/results/" + held + "/release").then().statusCode(200);
        publication.run();
        assertEquals(1L, rows(held));
        assertEquals(List.of(), queued(f, v));
        // a correction of a published result is queued as it is recorded and published by the next run
        at("2026-11-03T02:00:00Z");
        Api.operator(f.county).body(correction(f, 0)).post("/api/v1/results/" + plain + "/corrections").then().statusCode(201);
        assertEquals(List.of(plain + " v2"), queued(f, v));
        publication.run();
        assertEquals(List.of(1, 2), publishedVersions(plain));
        assertEquals(List.of(), queued(f, v));
        assertEquals(List.of(0L, 0L), List.of(rows(secret), rows(voided)));
    }

    private static String correction(ResultFixture f, int i) {
        return f.body(i, "2026-10-09", "2026-10-09", "PENDING_HANDLING", "")
                .replaceAll("\"drawId\":\"[^\"]+\",\"uscc\":\"[^\"]+\",", "\"reason\":\"处理结果更正\",");
    }

    /** The queue's rows for the results of these fixtures' draws, as "id vN" in id and version order. */
    private List<String> queued(ResultFixture... fixtures) throws Exception {
        List<String> out = new ArrayList<>();
        try (Connection c = dataSource.getConnection();
             PreparedStatement ps = c.prepareStatement("""
                     select q.result_id, q.version from publication_pending q join result r on r.id = q.result_id
                     where r.draw_id = any (?) order by q.result_id, q.version""")) {
            ps.setArray(1, c.createArrayOf("varchar", java.util.Arrays.stream(fixtures).map(x -> x.drawId).toArray()));
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    out.add(rs.getString(1) + " v" + rs.getInt(2));
                }
            }
        }
        return out;
    }

    private List<Integer> publishedVersions(String resultId) throws Exception {
        List<Integer> out = new ArrayList<>();
        try (Connection c = dataSource.getConnection();
             PreparedStatement ps = c.prepareStatement("select version from publication where result_id = ? order by version")) {
            ps.setString(1, resultId);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    out.add(rs.getInt(1));
                }
            }
        }
        return out;
    }

    private long rows(String resultId) throws Exception {
        try (Connection c = dataSource.getConnection();
             PreparedStatement ps = c.prepareStatement("select count(*) from publication where result_id = ?")) {
            ps.setString(1, resultId);
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        }
    }

    private long countOverdue(String resultId) throws Exception {
        try (Connection c = dataSource.getConnection();
             PreparedStatement ps = c.prepareStatement("select count(*) from publication_overdue where result_id = ?")) {
            ps.setString(1, resultId);
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        }
    }
}
