package cn.doublerandom.benchmark;

import cn.doublerandom.platform.ServiceClock;
import cn.doublerandom.registry.tabular.TableWriter;
import cn.doublerandom.registry.target.Uscc;
import cn.doublerandom.support.Api;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;

/**
 * The quarter's plan (GET /api/v1/plans/{authority}/{quarter}) before any draw, when it counts the requirement from the
 * registry: for a county of 5,000 targets and a city (保定, 130600) of 100,000 over twenty counties, each asked
 * five times after one warm-up, the median and the slowest printed as BENCH lines.
 */
@QuarkusTest
class QuarterPlanBenchmark {

    @Inject
    ServiceClock clock;

    @Test
    void planACountyAndACityBeforeAnyDraw() throws Exception {
        clock.use(Clock.fixed(Instant.parse("2026-10-09T02:00:00Z"), ZoneOffset.UTC));
        try {
            Api.as("admin", "130600").body("{}").put("/api/v1/policies/130600/2026").then().statusCode(201);
            String[] counties = {"130602", "130606", "130607", "130608", "130609", "130623", "130624", "130626", "130627",
                    "130628", "130629", "130630", "130631", "130632", "130633", "130634", "130635", "130636", "130637", "130638"};
            long t0 = System.nanoTime();
            for (String c : counties) {
                load(c, 5_000);
            }
            System.out.printf("BENCH plan: loaded 100,000 targets in %.1f s%n", (System.nanoTime() - t0) / 1e9);
            measure("county 5,000 targets", "operator", "130602");
            measure("city 100,000 targets", "city", "130600");
        } finally {
            clock.use(Clock.systemUTC());
        }
    }

    private static void measure(String label, String role, String authority) {
        Api.as(role, authority).get("/api/v1/plans/" + authority + "/2026Q4").then().statusCode(200);
        double[] ms = new double[5];
        for (int i = 0; i < ms.length; i++) {
            long start = System.nanoTime();
            Api.as(role, authority).get("/api/v1/plans/" + authority + "/2026Q4").then().statusCode(200)
                    .body("requirementFrom", org.hamcrest.Matchers.equalTo("REGISTRY"));
            ms[i] = (System.nanoTime() - start) / 1e6;
        }
        String classes = Api.as(role, authority).get("/api/v1/plans/" + authority + "/2026Q4").then().extract()
                .jsonPath().getList("classes").toString();
        Arrays.sort(ms);
        System.out.printf("BENCH plan %s: median=%.0fms max=%.0fms runs=%s classes=%s%n", label, ms[ms.length / 2],
                ms[ms.length - 1], Arrays.toString(ms), classes);
    }

    private static void load(String county, int n) throws Exception {
        Random r = new Random(county.hashCode());
        List<List<String>> rows = new ArrayList<>();
        String[] permits = {"重点管理", "简化管理", "登记管理", "登记管理"};
        for (int i = 0; i < n; i++) {
            String body = "91" + county + String.format("%09d", i);
            rows.add(List.of(body + Uscc.checkCharacter(body + "0"), "企业" + county + "-" + i, county, permits[r.nextInt(4)],
                    "ABBBBCDE".charAt(r.nextInt(8)) + "", r.nextInt(20) == 0 ? "停产" : "生产"));
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        TableWriter.writeCsv(List.of("统一社会信用代码", "单位名称", "行政区划代码", "排污许可管理类别", "环境信用等级", "运营状态"), rows, out);
        Api.operator(county).contentType("text/csv").body(out.toByteArray()).post("/api/v1/targets/import").then().statusCode(200);
    }
}
