package cn.doublerandom.report;

import cn.doublerandom.platform.ServiceClock;
import cn.doublerandom.publication.PublicationService;
import cn.doublerandom.support.Api;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Quota compliance over ReportFixture's quarter: what each plan required against what was done, and the gaps. */
@QuarkusTest
class ComplianceReportTest {

    @Inject
    ServiceClock clock;

    @Inject
    PublicationService publication;

    @BeforeEach
    void data() {
        ReportFixture.ensure(clock, publication);
        ReportFixture.at(clock, "2026-07-20T02:00:00Z");
    }

    @AfterEach
    void resetClock() {
        clock.use(Clock.systemUTC());
    }

    static String authority(String code) {
        return "authorities.find { it.authority == '" + code + "' }";
    }

    /** operating, required, eligible, shortfall, drawn, inspected, recorded, onTime, late, pending, overdue, withheld, unpublished */
    static void row(JsonPath j, String authority, String cls, Integer operating, Integer required, Integer eligible, Integer shortfall,
                    int... counts) {
        String at = authority(authority) + ".classes.find { it.supervisionClass == '" + cls + "' }";
        List<Object> expected = new java.util.ArrayList<>(java.util.Arrays.asList(operating, required, eligible, shortfall));
        for (int c : counts) {
            expected.add(c);
        }
        List<Object> actual = new java.util.ArrayList<>();
        for (String f : List.of("operating", "required", "eligible", "shortfall", "drawn", "inspected", "recorded", "publishedOnTime",
                "publishedLate", "publishedPending", "overdue", "withheld", "unpublished")) {
            Object v = j.get(at + "." + f);
            actual.add(v == null ? null : ((Number) v).intValue());
        }
        assertEquals(expected, actual, authority + " " + cls);
    }

    static List<String> flags(JsonPath j, String authority) {
        List<String> codes = j.getList(authority(authority) + ".flags.collect { it.code + ':' + it.supervisionClass + ':' + it.gap }");
        return codes;
    }

    @Test
    void requiredComesFromEachDrawsPlanAndEveryGapIsFlagged() {
        JsonPath j = Reports.get("city", "130400", "/api/v1/reports/compliance?region=130400&quarter=2026Q2");
        assertEquals("2026-07-20", j.getString("asOf"));
        assertTrue(j.getBoolean("quarterOver"));
        assertEquals(21, j.getList("authorities").size(), "the city bureau and its 20 county-level units");
        assertEquals("130400", j.getString("authorities[0].authority"));

        // A: general quota ceil(2 × 4 officers / 3 quarters left) = 3, all drawn; t2 published late, t3 held past its deadline
        row(j, "130402", "KEY", 1, 1, 1, 0, 1, 1, 1, 1, 0, 0, 0, 0, 0);
        row(j, "130402", "SPECIAL", 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0);
        row(j, "130402", "GENERAL", 3, 3, 3, 0, 3, 3, 3, 1, 1, 0, 1, 0, 0);
        assertEquals(List.of("PUBLISHED_LATE:null:1", "OVERDUE:null:1", "GENERAL_YEAR_BEHIND:GENERAL:1"), flags(j, "130402"));
        assertEquals(4, (Integer) j.get(authority("130402") + ".generalYear.officers"));
        assertEquals("2", j.getString(authority("130402") + ".generalYear.perInspector"));
        assertEquals(List.of(8, 4, 3, 3, 5), List.of(j.getInt(authority("130402") + ".generalYear.yearlyRequirement"),
                j.getInt(authority("130402") + ".generalYear.expectedByQuarterEnd"), j.getInt(authority("130402") + ".generalYear.drawn"),
                j.getInt(authority("130402") + ".generalYear.inspected"), j.getInt(authority("130402") + ".generalYear.remaining")));
        assertTrue(j.getString(authority("130402") + ".flags[2].message").contains("截至本季度末应抽 4 家，已抽 3 家，差 1 家"));

        // B: two general targets against a quota of 3; b2 withheld as confidential
        row(j, "130403", "GENERAL", 2, 3, 2, 1, 2, 2, 2, 1, 0, 0, 0, 1, 0);
        assertEquals(List.of("BELOW_REQUIRED:GENERAL:1", "GENERAL_YEAR_BEHIND:GENERAL:2"), flags(j, "130403"));
        assertTrue(j.getString(authority("130403") + ".flags[0].message").contains("（可抽名录仅 2 家）"));

        // C: c3 inspected on 07-02, after the quarter
        row(j, "130404", "GENERAL", 3, 3, 3, 0, 3, 2, 3, 3, 0, 0, 0, 0, 0);
        assertEquals(List.of("NOT_INSPECTED:GENERAL:1", "GENERAL_YEAR_BEHIND:GENERAL:1"), flags(j, "130404"));

        // E: its own policy (0.25 per officer, 2 officers: 1 a year), everything done and on time
        row(j, "130407", "KEY", 1, 1, 1, 0, 1, 1, 1, 1, 0, 0, 0, 0, 0);
        row(j, "130407", "GENERAL", 1, 1, 1, 0, 1, 1, 1, 1, 0, 0, 0, 0, 0);
        assertEquals(List.of(), flags(j, "130407"));
        assertTrue(j.getBoolean(authority("130407") + ".compliant"));
        assertEquals("0.25", j.getString(authority("130407") + ".generalYear.perInspector"));

        // no draw: the county without inspectors and the city bureau; nothing required is known, nothing is counted
        for (String code : List.of("130406", "130400")) {
            assertEquals(List.of("NO_DRAW:null:null"), flags(j, code));
            assertNull(j.get(authority(code) + ".drawId"));
            row(j, code, "KEY", null, null, null, null, 0, 0, 0, 0, 0, 0, 0, 0, 0);
            assertFalse(j.getBoolean(authority(code) + ".compliant"));
        }
    }

    @Test
    void beforeTheQuarterEndsNothingIsCalledUninspectedAndOverdueDependsOnTheDay() {
        ReportFixture.at(clock, "2026-06-10T02:00:00Z");
        JsonPath j = Reports.get("operator", "130404", "/api/v1/reports/compliance?quarter=2026Q2");
        assertFalse(j.getBoolean("quarterOver"));
        assertEquals(1, j.getList("authorities").size());
        assertEquals(List.of("GENERAL_YEAR_BEHIND:GENERAL:1"), flags(j, "130404"));
        // as of 06-10, A's held t3 (deadline 06-17) is not yet overdue: it is merely unpublished
        JsonPath a = Reports.get("operator", "130402", "/api/v1/reports/compliance?quarter=2026Q2");
        row(a, "130402", "GENERAL", 3, 3, 3, 0, 3, 3, 3, 1, 1, 0, 0, 0, 1);
        assertEquals(List.of("PUBLISHED_LATE:null:1", "GENERAL_YEAR_BEHIND:GENERAL:1"), flags(a, "130402"));
    }

    @Test
    void anEmptyQuarterFlagsEveryBureauAsNotDrawn() {
        JsonPath j = Reports.get("city", "130400", "/api/v1/reports/compliance?region=130400&quarter=2026Q1");
        assertEquals(21, j.getList("authorities").size());
        assertEquals(List.of("NO_DRAW:null:null"), flags(j, "130402"));
        assertEquals(0, j.getInt(authority("130402") + ".generalYear.drawn"));
        assertNull(j.get(authority("130402") + ".generalYear.yearlyRequirement"));
    }

    @Test
    void theTablesDownload() {
        byte[] xlsx = Api.as("city", "130400").get("/api/v1/reports/compliance?region=130400&quarter=2026Q2&format=xlsx")
                .then().statusCode(200).extract().asByteArray();
        Reports.Sheet classes = Reports.sheet(xlsx, 0);
        assertEquals(63, classes.rows().size(), "21 bureaus × 3 classes");
        List<String> aGeneral = classes.text().stream().filter(v -> v.get(1).equals("130402") && v.get(2).equals("一般监管对象"))
                .findFirst().orElseThrow();
        assertEquals(List.of("邯郸市生态环境局邯山区分局", "130402", "一般监管对象", "3", "3", "3", "3", "3", "3", "1", "1", "0", "1", "0", "0"), aGeneral);
        String gaps = new String(Api.as("city", "130400").get("/api/v1/reports/compliance?region=130400&quarter=2026Q2&format=csv&table=gaps")
                .then().statusCode(200).extract().asByteArray(), StandardCharsets.UTF_8);
        assertTrue(gaps.contains("邯郸市生态环境局丛台区分局,130403,抽取不足,1,一般监管对象抽取 2 家，低于应抽 3 家，差 1 家（可抽名录仅 2 家）"), gaps);
        assertFalse(gaps.contains("邯郸市生态环境局肥乡区分局"), "the compliant county has no gap");
        assertFalse(gaps.matches("(?s).*[A-Z]{2,}_[A-Z]+.*"), "no English code in the Chinese table: " + gaps);
        String html = Api.as("city", "130400").get("/api/v1/reports/compliance?region=130400&quarter=2026Q2&format=html").asString();
        assertTrue(html.contains("<h2>存在差距的单位</h2>") && !html.contains("<script"), html);
    }
}
