package cn.doublerandom.platform.problem;

import cn.doublerandom.support.Api;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.LongStream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** A problem stays small however much is wrong, and sizes are checked before the work. */
@QuarkusTest
class BoundedAnswersTest {

    private static final String COUNTY = "130272";

    @Test
    void aHundredThousandBadItemIdsGetASmallFast400AndNoDraw() {
        String ids = LongStream.rangeClosed(900_000_001L, 900_100_000L).mapToObj(Long::toString).collect(Collectors.joining(","));
        long start = System.nanoTime();
        Response r = Api.operator(COUNTY).body("{\"authority\":\"" + COUNTY + "\",\"quarter\":\"2026Q4\",\"items\":[" + ids + "]}")
                .post("/api/v1/draws");
        long ms = (System.nanoTime() - start) / 1_000_000;
        assertEquals(400, r.statusCode(), r.asString());
        assertEquals("application/problem+json", r.contentType().replaceAll(";.*", ""));
        assertEquals(ProblemType.VALIDATION_FAILED.uri(), r.jsonPath().getString("type"));
        // refused by the body's array limit before the draw's own cap of 50 items is even read
        assertEquals("items has more than " + cn.doublerandom.platform.request.JsonArrayLimit.MAX_ELEMENTS + " elements",
                r.jsonPath().getString("detail"), r.asString());
        assertTrue(r.asByteArray().length < 2_000, r.asByteArray().length + " bytes");
        System.out.println("100,000 bad item ids: " + r.statusCode() + " in " + ms + " ms, " + r.asByteArray().length + " bytes");
        // generous for a loaded shared machine; what matters is no per-id lookup (13-29 s before)
        assertTrue(ms < 8_000, ms + " ms");
        Api.operator(COUNTY).get("/api/v1/draws?authority=" + COUNTY).then().statusCode(200)
                .body("items", org.hamcrest.Matchers.hasSize(0));
    }

    @Test
    void anImportWithThousandsOfBadRowsListsTheFirstHundredAndCountsTheRest() {
        StringBuilder csv = new StringBuilder("统一社会信用代码,单位名称,行政区划代码,运营状态\n");
        for (int i = 0; i < 3_000; i++) {
            csv.append("91").append(COUNTY).append("IOZ").append(String.format("%07d", i)).append(",坏行企业").append(i)
                    .append(',').append(COUNTY).append(",生产\n");
        }
        Response r = Api.operator(COUNTY).contentType("text/csv").body(csv.toString().getBytes(StandardCharsets.UTF_8))
                .post("/api/v1/targets/import");
        assertEquals(422, r.statusCode(), r.asString().substring(0, Math.min(500, r.asString().length())));
        assertEquals(ProblemType.IMPORT_REJECTED.uri(), r.jsonPath().getString("type"));
        assertEquals(100, r.jsonPath().getList("errors").size());
        int count = r.jsonPath().getInt("errorCount");
        assertTrue(count >= 3_000, "errorCount " + count);
        assertTrue(r.asByteArray().length < 40_000, r.asByteArray().length + " bytes");
        // all or nothing: none of the rows was written
        Api.operator(COUNTY).get("/api/v1/targets?region=" + COUNTY).then().statusCode(200)
                .body("items", org.hamcrest.Matchers.hasSize(0));
    }

    @Test
    void theCapHoldsForEveryProblem() {
        List<Problem.FieldProblem> errors = new ArrayList<>();
        for (int i = 0; i < 250; i++) {
            errors.add(Problem.FieldProblem.field("f" + i, "bad"));
        }
        Problem p = new ProblemException(ProblemType.VALIDATION_FAILED, "250 bad", errors).toProblem(null);
        assertEquals(100, p.errors().size());
        assertEquals("f99", p.errors().get(99).field());
        assertEquals(250, p.extensionMembers().get("errorCount"));
        Problem small = new ProblemException(ProblemType.VALIDATION_FAILED, "2 bad", errors.subList(0, 2)).toProblem(null);
        assertEquals(2, small.errors().size());
        assertTrue(small.extensionMembers().isEmpty());
    }
}
