package cn.doublerandom.platform.request;

import cn.doublerandom.support.Api;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

import static org.hamcrest.Matchers.endsWith;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

/** An array of a JSON body beyond the limit is a problem naming it, before any work. */
@QuarkusTest
class JsonArrayLimitTest {

    private static String array(int n, String element) {
        return IntStream.range(0, n).mapToObj(i -> element).collect(Collectors.joining(",", "[", "]"));
    }

    private static String oversized(String json) {
        return JsonArrayLimit.oversized(json.getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void theFirstArrayOverTheLimitIsNamedByItsPath() {
        int max = JsonArrayLimit.MAX_ELEMENTS;
        assertNull(oversized("{\"team\":" + array(max, "\"HB-1\"") + "}"));
        assertEquals("team", oversized("{\"note\":\"x\",\"team\":" + array(max + 1, "\"HB-1\"") + "}"));
        assertEquals("problems[2].photos", oversized("{\"problems\":[{},{},{\"photos\":" + array(max + 1, "{}") + "}]}"));
        assertEquals("problems", oversized("{\"problems\":" + array(max + 1, "{\"a\":[1,2]}") + "}"));
        assertEquals("body", oversized(array(max + 1, "1")));
        assertEquals("[0]", oversized("[" + array(max + 1, "[]") + "]"));
        // nested arrays count their own elements, not their parent's
        assertNull(oversized("{\"a\":" + array(max, array(max, "0")) + "}"));
        // not JSON: left to the mapper
        assertNull(oversized("{\"team\":[1,2"));
    }

    @Test
    void anOversizedArrayIsA400NamingTheFieldAndNothingIsWritten() {
        String county = "130123";
        String uscc = Api.uscc(county);
        String body = "{\"regionCode\":\"" + county + "\",\"name\":\"数组上限企业\",\"operatingStatus\":\"PRODUCING\","
                + "\"pollutantTypes\":" + array(JsonArrayLimit.MAX_ELEMENTS + 1, "\"废水\"") + "}";
        Api.operator(county).header("Idempotency-Key", "array-limit-" + uscc).body(body).put("/api/v1/targets/" + uscc)
                .then().statusCode(400).contentType("application/problem+json")
                .body("type", endsWith("/problems/validation-failed"))
                .body("detail", equalTo("pollutantTypes has more than " + JsonArrayLimit.MAX_ELEMENTS + " elements"))
                .body("errors[0].field", equalTo("pollutantTypes"));
        Api.operator(county).get("/api/v1/targets/" + uscc).then().statusCode(404);
        // the same body within the limit is written
        String within = body.replace(array(JsonArrayLimit.MAX_ELEMENTS + 1, "\"废水\""), array(JsonArrayLimit.MAX_ELEMENTS, "\"废水\""));
        Api.operator(county).body(within).put("/api/v1/targets/" + uscc).then().statusCode(201);
    }
}
