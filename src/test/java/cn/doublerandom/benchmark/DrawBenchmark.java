package cn.doublerandom.benchmark;

import cn.doublerandom.platform.ServiceClock;
import cn.doublerandom.registry.tabular.TableWriter;
import cn.doublerandom.registry.target.Uscc;
import cn.doublerandom.support.Api;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.lang.management.ManagementFactory;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * A draw through the service, prepare (pool snapshot from the registries) and execute (DRAW-1 and
 * the ledger), for a county of 5,000 targets with 40 inspectors and a city of 50,000 with 400.
 * Prints BENCH lines; not part of ./mvnw verify: {@code ./mvnw test -Dtest=DrawBenchmark}.
 * The engine alone, up to 1,000,000 targets, is Draw1Benchmark.
 */
@QuarkusTest
class DrawBenchmark {

    @Inject
    ServiceClock clock;

    @Test
    void drawACountyAndACity() throws Exception {
        clock.use(Clock.fixed(Instant.parse("2026-10-09T02:00:00Z"), ZoneOffset.UTC));
        Api.as("admin", "130200").body("{}").put("/api/v1/policies/130200/2026").then().statusCode(201);
        long item = ((Number) Api.as("admin", "130200").body("""
                {"regionCode":"130200","name":"污染源日常监管","category":"GENERAL","targetType":"排污单位",
                 "inspectingLevel":"COUNTY_AND_ABOVE","legalBasis":"《环境保护法》","content":"排污许可执行情况",
                 "methods":["ON_SITE","TECHNOLOGY"],"jointInspection":true}""").post("/api/v1/items").then().statusCode(201)
                .extract().path("id")).longValue();
        // a county of 5,000 with 40 inspectors
        load("130202", 5_000);
        staff("130202", 40);
        measure("county 5,000 targets / 40 inspectors", "130202", item);
        // a city of 50,000 over ten counties, with 400 city inspectors
        String[] counties = {"130203", "130204", "130205", "130207", "130208", "130209", "130224", "130225", "130227", "130229"};
        for (String c : counties) {
            load(c, 5_000);
        }
        staff("130200", 400);
        measure("city 50,000 targets / 400 inspectors", "130200", item);
        clock.use(Clock.systemUTC());
    }

    private static void measure(String label, String authority, long item) {
        String role = authority.endsWith("00") ? "city" : "operator";
        System.gc();
        long start = System.nanoTime();
        String id = Api.as(role, authority).body("{\"authority\":\"" + authority + "\",\"quarter\":\"2026Q4\",\"items\":[" + item + "]}")
                .post("/api/v1/draws").then().statusCode(201).extract().path("id");
        double prepare = (System.nanoTime() - start) / 1e6;
        start = System.nanoTime();
        int selected = Api.as(role, authority).body("{\"seed\":\"" + authority + "1234567890\"}").post("/api/v1/draws/" + id + "/execute")
                .then().statusCode(200).extract().path("targets.size()");
        double execute = (System.nanoTime() - start) / 1e6;
        start = System.nanoTime();
        Api.as(role, authority).get("/api/v1/draws/" + id + "/replay").then().statusCode(200).body("matches", org.hamcrest.Matchers.equalTo(true));
        double replay = (System.nanoTime() - start) / 1e6;
        var heap = ManagementFactory.getMemoryMXBean().getHeapMemoryUsage();
        System.out.printf("BENCH draw %s: selected=%d prepare=%.0fms execute=%.0fms replay=%.0fms heap-used=%dMiB%n",
                label, selected, prepare, execute, replay, heap.getUsed() >> 20);
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

    private static void staff(String region, int n) {
        StringBuilder csv = new StringBuilder("人员编号,姓名,行政区划代码,执法证号,执法证有效期至,状态,持证执法人员\n");
        for (int i = 0; i < n; i++) {
            csv.append("B").append(region).append('-').append(i).append(",执法员,").append(region).append(",证").append(i)
                    .append(",2030-01-01,在岗,是\n");
        }
        String role = region.endsWith("00") ? "city" : "operator";
        Api.as(role, region).contentType("text/csv").body(csv.toString().getBytes(java.nio.charset.StandardCharsets.UTF_8))
                .post("/api/v1/inspectors/import").then().statusCode(200);
    }
}
