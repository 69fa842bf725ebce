package cn.doublerandom.report;

import cn.doublerandom.support.Api;
import io.restassured.path.json.JsonPath;
import io.restassured.path.json.config.JsonPathConfig;

import java.math.BigDecimal;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** Reading reports in tests: decimals stay BigDecimal ("66.67" is 66.67 with two decimals, never a float). */
final class Reports {

    private Reports() {
    }

    static JsonPath get(String role, String region, String path) {
        String body = Api.as(role, region).get(path).then().statusCode(200).contentType("application/json").extract().asString();
        return new JsonPath(body).using(new JsonPathConfig(JsonPathConfig.NumberReturnType.BIG_DECIMAL));
    }

    static BigDecimal dec(String text) {
        return text == null ? null : new BigDecimal(text);
    }

    /**
     * Asserts a Figures object: checks, problems, problemRate, violations, violationRate, nonSite,
     * nonSiteShare, nonSiteViolations, nonSiteViolationShare, positiveListOnSite, publishable,
     * publishedOnTime, onTimeRate (decimals as text, null for "—").
     */
    static void figures(JsonPath j, String at, int checks, int problems, String problemRate, int violations, String violationRate,
                        int nonSite, String nonSiteShare, int nonSiteViolations, String nonSiteViolationShare,
                        Integer positiveListOnSite, Integer publishable, Integer publishedOnTime, String onTimeRate) {
        List<Object> expected = List.of(checks, problems, String.valueOf(problemRate), violations, String.valueOf(violationRate),
                nonSite, String.valueOf(nonSiteShare), nonSiteViolations, String.valueOf(nonSiteViolationShare),
                String.valueOf(positiveListOnSite), String.valueOf(publishable), String.valueOf(publishedOnTime),
                String.valueOf(onTimeRate));
        List<Object> actual = List.of(j.getInt(at + ".checks"), j.getInt(at + ".problems"), text(j.get(at + ".problemRate")),
                j.getInt(at + ".violations"), text(j.get(at + ".violationRate")), j.getInt(at + ".nonSite"),
                text(j.get(at + ".nonSiteShare")), j.getInt(at + ".nonSiteViolations"), text(j.get(at + ".nonSiteViolationShare")),
                text(j.get(at + ".positiveListOnSite")), text(j.get(at + ".publishable")), text(j.get(at + ".publishedOnTime")),
                text(j.get(at + ".onTimeRate")));
        assertEquals(expected, actual, at);
    }

    /** A number as JSON wrote it: BigDecimal keeps its scale ("50.00"); null stays "null". */
    static String text(Object o) {
        return o instanceof BigDecimal d ? d.toPlainString() : String.valueOf(o);
    }
}
