package cn.doublerandom.report;

import cn.doublerandom.platform.ServiceClock;
import cn.doublerandom.support.Api;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.Arrays;
import java.util.List;

import static cn.doublerandom.report.Reports.text;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Inspector activity (seed 003) in 襄都区 (130502) of 邢台 (130500): five certified on-post inspectors
 * in May 2026 (an auxiliary expert, one on leave, one whose certificate expired on 30 April and one
 * registered in June do not count; one who left on 10 June still counts for May), and targeted checks
 * with known teams. 信都区 (130503) has no inspectors.
 */
@QuarkusTest
class ActivityReportTest {

    static final String COUNTY = "130502";
    static final String EMPTY = "130503";
    private static boolean built;

    @Inject
    ServiceClock clock;

    static String x(int i) {
        return "AC" + COUNTY + "-" + i;
    }

    @BeforeEach
    void data() {
        synchronized (ActivityReportTest.class) {
            if (!built) {
                try {
                    build();
                } finally {
                    clock.use(Clock.systemUTC());
                }
                built = true;
            }
        }
        ReportFixture.at(clock, "2026-07-20T02:00:00Z");
    }

    @AfterEach
    void resetClock() {
        clock.use(Clock.systemUTC());
    }

    private void build() {
        ReportFixture.at(clock, "2026-04-01T02:00:00Z");
        String target = Api.uscc(COUNTY);
        Api.operator(COUNTY).contentType("text/csv").body(("统一社会信用代码,单位名称,行政区划代码,运营状态\n" + target + ",活跃度测试化工厂," + COUNTY
                + ",生产\n").getBytes(StandardCharsets.UTF_8)).post("/api/v1/targets/import").then().statusCode(200);
        StringBuilder staff = new StringBuilder("人员编号,姓名,行政区划代码,执法证号,执法证有效期至,状态,持证执法人员,辅助检查人员\n");
        for (int i = 1; i <= 5; i++) {
            staff.append(x(i)).append(",活跃执法员").append(i).append(',').append(COUNTY).append(",证").append(i).append(",2030-12-31,在岗,是,否\n");
        }
        staff.append(x(6)).append(",辅助专家,").append(COUNTY).append(",,,在岗,否,是\n");
        staff.append(x(7)).append(",休假执法员,").append(COUNTY).append(",证7,2030-12-31,休假,是,否\n");
        staff.append(x(8)).append(",证件到期执法员,").append(COUNTY).append(",证8,2026-04-30,在岗,是,否\n");
        importStaff(staff.toString());

        ReportFixture.at(clock, "2026-05-31T02:00:00Z");
        check(target, "2026-05-03", x(1), x(2));
        check(target, "2026-05-10", x(1), x(3));
        check(target, "2026-05-11", x(1), x(2), x(6));
        check(target, "2026-05-20", x(2), x(3));
        check(target, "2026-05-25", x(1), x(5));

        ReportFixture.at(clock, "2026-06-05T02:00:00Z");
        importStaff("人员编号,姓名,行政区划代码,执法证号,执法证有效期至,状态,持证执法人员\n" + x(9) + ",新到执法员," + COUNTY + ",证9,2030-12-31,在岗,是\n");
        check(target, "2026-06-01", x(4), x(1));
        ReportFixture.at(clock, "2026-06-10T02:00:00Z");
        importStaff("人员编号,姓名,行政区划代码,执法证号,执法证有效期至,状态,持证执法人员,辅助检查人员\n" + x(5) + ",活跃执法员5," + COUNTY
                + ",证5,2030-12-31,离职,是,否\n");
    }

    private static void importStaff(String csv) {
        Api.operator(COUNTY).contentType("text/csv").body(csv.getBytes(StandardCharsets.UTF_8)).post("/api/v1/inspectors/import")
                .then().statusCode(200);
    }

    private static void check(String target, String date, String... team) {
        Api.operator(COUNTY).body("{\"uscc\":\"" + target + "\",\"source\":\"DATA_LEAD\",\"inspectionDate\":\"" + date
                        + "\",\"problems\":[],\"handling\":[\"NONE\"],\"violationFound\":false,\"nonSite\":true,\"team\":[\""
                        + String.join("\",\"", team) + "\"]}")
                .post("/api/v1/checks").then().statusCode(201);
    }

    static String authority(String code) {
        return "authorities.find { it.authority == '" + code + "' }";
    }

    @Test
    void recordsPerOnPostInspectorAndTheActivityRateAsTheRegistryStoodAtTheMonthsEnd() {
        JsonPath j = Reports.get("city", "130500", "/api/v1/reports/activity?region=130500&month=2026-05");
        assertEquals(2, j.getInt("minRecords"));
        assertEquals("90", text(j.get("minActivityRate")));
        String a = authority(COUNTY);
        // X1 4, X2 3, X3 2, X4 0, X5 1: 10 records over 5 inspectors
        assertEquals(List.of(x(1) + ":4", x(2) + ":3", x(3) + ":2", x(4) + ":0", x(5) + ":1"),
                j.getList(a + ".staff.collect { it.code + ':' + it.records }"));
        assertEquals(List.of("5", "10", "2.00", "4", "80.00", "true", "false"), List.of(text(j.get(a + ".inspectors")),
                text(j.get(a + ".records")), text(j.get(a + ".average")), text(j.get(a + ".active")), text(j.get(a + ".activityRate")),
                text(j.get(a + ".meetsAverage")), text(j.get(a + ".meetsActivityRate"))));
        assertEquals(List.of("活跃率 80.00%，低于 90%"), j.getList(a + ".flags"));
        assertEquals(List.of(x(4) + ":0", x(5) + ":1"), j.getList(a + ".below.collect { it.code + ':' + it.records }"));
        assertEquals(1, (Integer) j.get(a + ".ranks.average"));

        String none = authority(EMPTY);
        assertEquals(0, j.getInt(none + ".inspectors"));
        assertNull(j.get(none + ".average"));
        assertNull(j.get(none + ".activityRate"));
        assertNull(j.get(none + ".meetsAverage"));
        assertNull(j.get(none + ".ranks.average"));
        assertEquals(List.of("无持证在岗执法人员"), j.getList(none + ".flags"));
        assertTrue(j.getBoolean(authority("130500") + ".own"));
        assertEquals(Arrays.asList(5, 10, "2.00", 4, "80.00"), Arrays.asList(j.getInt("total.inspectors"), j.getInt("total.records"),
                text(j.get("total.average")), j.getInt("total.active"), text(j.get("total.activityRate"))));
    }

    @Test
    void juneCountsWhoWasOnPostAtJunesEnd() {
        JsonPath j = Reports.get("operator", COUNTY, "/api/v1/reports/activity?month=2026-06");
        // X5 left on 06-10 and X9 arrived on 06-05; one check (X4, X1)
        assertEquals(List.of(x(1) + ":1", x(2) + ":0", x(3) + ":0", x(4) + ":1", x(9) + ":0"),
                j.getList("authorities[0].staff.collect { it.code + ':' + it.records }"));
        assertEquals(List.of("0.40", "40.00"), List.of(text(j.get("authorities[0].average")), text(j.get("authorities[0].activityRate"))));
        assertEquals(2, j.getList("authorities[0].flags").size());
    }

    @Test
    void beforeAnyoneWasRegisteredThereIsNoBaseAndNoError() {
        JsonPath j = Reports.get("operator", COUNTY, "/api/v1/reports/activity?month=2026-03");
        assertEquals(0, j.getInt("authorities[0].inspectors"));
        assertNull(j.get("total.average"));
    }

    @Test
    void downloadsAndPage() {
        String csv = new String(Api.as("city", "130500").get("/api/v1/reports/activity?region=130500&month=2026-05&format=csv&table=below")
                .then().statusCode(200).extract().asByteArray(), StandardCharsets.UTF_8);
        assertEquals("\uFEFF单位,区划代码,人员编号,姓名,有效检查记录\r\n邢台市生态环境局襄都区分局,130502," + x(4) + ",活跃执法员4,0\r\n邢台市生态环境局襄都区分局,130502," + x(5)
                + ",活跃执法员5,1\r\n", csv);
        String summary = new String(Api.as("city", "130500").get("/api/v1/reports/activity?region=130500&month=2026-05&format=csv")
                .then().statusCode(200).extract().asByteArray(), StandardCharsets.UTF_8);
        assertTrue(summary.contains("\r\n邢台市生态环境局信都区分局,130503,0,0,—,—,0,—,—,—,—,无持证在岗执法人员\r\n"), summary);
        String html = Api.as("city", "130500").get("/api/v1/reports/activity?region=130500&month=2026-05&format=html").asString();
        assertEquals(2, html.split("<svg").length - 1);
        assertTrue(html.contains("活跃率（%）") && !html.contains("<script"));
    }
}
