package cn.doublerandom.benchmark;

import cn.doublerandom.registry.tabular.TableWriter;
import cn.doublerandom.registry.target.Uscc;
import cn.doublerandom.security.DevTokens;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.lang.management.ManagementFactory;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * Imports 100,000 generated targets through the HTTP API, as CSV and as XLSX, and prints the times
 * (goal: under 10 s each on the 2-core machine). Not part of ./mvnw verify; run it with
 * {@code ./mvnw test -Dtest=ImportBenchmark}.
 */
@QuarkusTest
class ImportBenchmark {

    private static final String[] COUNTIES = {"130102", "130104", "130105", "130108"};

    @Test
    void import100000Targets() throws Exception {
        int n = Integer.getInteger("bench.rows", 100_000);
        for (String format : List.of("csv", "xlsx")) {
            String county = COUNTIES[format.equals("csv") ? 0 : 1];
            byte[] file = file(n, county, format, 0);
            String token = DevTokens.mint("bench", "operator", county);
            long start = System.nanoTime();
            RestAssured.given().auth().oauth2(token).contentType("application/octet-stream").body(file)
                    .post("/api/v1/targets/import").then().statusCode(200);
            double first = (System.nanoTime() - start) / 1e9;
            start = System.nanoTime();
            RestAssured.given().auth().oauth2(token).contentType("application/octet-stream").body(file)
                    .post("/api/v1/targets/import").then().statusCode(200);
            double again = (System.nanoTime() - start) / 1e9;
            byte[] changed = file(n, county, format, 1);
            start = System.nanoTime();
            RestAssured.given().auth().oauth2(token).contentType("application/octet-stream").body(changed)
                    .post("/api/v1/targets/import").then().statusCode(200);
            double update = (System.nanoTime() - start) / 1e9;
            System.out.printf("BENCH import %s rows=%d size=%.1fMiB create=%.2fs reimport-unchanged=%.2fs update-all=%.2fs heap-used=%dMiB%n",
                    format, n, file.length / 1048576.0, first, again, update,
                    ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed() >> 20);
        }
    }

    private static byte[] file(int n, String county, String format, int variant) throws Exception {
        Random r = new Random(7);
        List<String> header = List.of("统一社会信用代码", "单位名称", "行政区划代码", "乡镇（街道）", "行业类别", "污染物类型", "监控类型",
                "排污许可管理类别", "重点排污单位", "环境信用等级", "重污染天气绩效分级", "运营状态",
                // the inspection ledger's facts (seed 004)
                "企业类型", "法定代表人", "经度", "纬度", "是否超低排放改造", "是否2019年以来自主验收", "台账行业类别");
        List<List<String>> rows = new ArrayList<>(n);
        String[] permits = {"重点管理", "简化管理", "登记管理"};
        for (int i = 0; i < n; i++) {
            String body = "91" + county + String.format("%09d", i);
            rows.add(List.of(body + Uscc.checkCharacter(body + "0"), "石家庄基准测试企业" + i + (variant == 1 ? "（更名）" : ""), county,
                    "第" + (i % 20) + "街道", "化学原料和化学制品制造业", "废气、废水", r.nextBoolean() ? "在线监测" : "视频监控",
                    permits[r.nextInt(3)], r.nextInt(5) == 0 ? "是" : "否", "ABCDE".charAt(r.nextInt(5)) + "",
                    "ABCD".charAt(r.nextInt(4)) + "", "生产", "有限责任公司", "王建国",
                    String.format(java.util.Locale.ROOT, "%.6f", 114 + r.nextInt(1_000_000) / 1e6), String.format(java.util.Locale.ROOT, "%.6f", 38 + r.nextInt(1_000_000) / 1e6),
                    r.nextBoolean() ? "是" : "否", r.nextBoolean() ? "是" : "否", "化工"));
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        if (format.equals("csv")) {
            TableWriter.writeCsv(header, rows, out);
        } else {
            TableWriter.writeXlsx(header, rows, out);
        }
        return out.toByteArray();
    }
}
