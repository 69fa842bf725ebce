package cn.doublerandom.report;

import cn.doublerandom.platform.ServiceClock;
import cn.doublerandom.publication.PublicationService;
import cn.doublerandom.result.ResultFixture;
import cn.doublerandom.support.Api;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.dhatim.fastexcel.reader.Cell;
import org.dhatim.fastexcel.reader.ReadableWorkbook;
import org.dhatim.fastexcel.reader.Row;
import org.dhatim.fastexcel.reader.Sheet;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * No English code in a Chinese table: the html page, every sheet of the xlsx and the csv of every report
 * (and of both ledger forms) over a county month whose checks carry every kind of code the service keeps
 * (wordings, problem types, handling, a targeted check's source, a hold, a confidential result, an
 * overdue one) hold no run of three or more capitals or underscores standing alone, such as
 * NO_PROBLEM, CORRECTED, DUST_CONTROL, COMPLAINT, KEY or WITHHELD, and no period written as a code (2026Q4,
 * 2026-10). Identifiers that carry letters with digits (统一社会信用代码, R000000001, D000000001) are not
 * such runs, and dates (2026-10-10) stay dates. 宁晋县 (130528) is used by no other test.
 */
@QuarkusTest
class ChineseTablesCarryNoCodeTest {

    private static final String COUNTY = "130528";
    /** A code: three or more capitals or underscores, not inside a word or an identifier with digits. */
    private static final Pattern CODE = Pattern.compile("(?<![A-Za-z0-9_])[A-Z_]{3,}(?![A-Za-z0-9_])"
            // and a period written as a code (2026Q4, 2026-10) rather than 2026年第四季度, 2026年10月; a date stays a date
            + "|(?<![\\d-])\\d{4}(?:Q[1-4]|-\\d{2})(?![\\d-])");

    @Inject
    ServiceClock clock;

    @Inject
    PublicationService publication;

    @AfterEach
    void realClock() {
        clock.use(Clock.systemUTC());
    }

    @Test
    void noReportWritesAnEnglishCodeInItsChineseFiles() throws IOException {
        ResultFixture f = new ResultFixture(COUNTY).drawn(clock, 3);
        clock.use(Clock.fixed(Instant.parse("2026-10-12T02:00:00Z"), ZoneOffset.UTC));
        f.record(0, "2026-10-10", "2026-10-10", "CORRECTED", "");
        f.record(1, "2026-10-10", "2026-10-10", "NO_PROBLEM", ",\"confidential\":true,\"confidentialReason\":\"涉及国家秘密\"");
        String held = f.record(2, "2026-10-10", "2026-10-10", "PENDING_HANDLING", "");
        Api.operator(COUNTY).body("{\"reason\":\"涉及正在办理的案件\"}").post("/api/v1/results/" + held + "/hold").then().statusCode(200);
        Api.operator(COUNTY).body("{\"uscc\":\"" + f.uscc(3) + "\",\"source\":\"COMPLAINT\",\"sourceReference\":\"12369-1011\","
                        + "\"inspectionDate\":\"2026-10-11\",\"problems\":[{\"type\":\"FACILITY_NOT_RUNNING\",\"description\":\"活性炭未更换\","
                        + "\"violation\":true,\"nonSite\":true}],\"handling\":[\"CORRECTION_DEADLINE\"],\"violationFound\":true,"
                        + "\"nonSite\":false,\"team\":[\"" + f.team(0).get(0) + "\",\"" + f.team(0).get(1) + "\"]}")
                .post("/api/v1/checks").then().statusCode(201);
        publication.run();
        // past the deadlines of October's results: the held one is overdue
        clock.use(Clock.fixed(Instant.parse("2026-11-20T02:00:00Z"), ZoneOffset.UTC));

        List<String> reports = List.of(
                "compliance?region=" + COUNTY + "&quarter=2026Q4",
                "assessment?region=130500&quarter=2026Q4",
                "monthly?region=" + COUNTY + "&month=2026-10",
                "quarterly?region=" + COUNTY + "&quarter=2026Q4",
                "activity?region=" + COUNTY + "&month=2026-10",
                "accountability?region=" + COUNTY + "&year=2026",
                "registry-changes?region=" + COUNTY + "&quarter=2026Q4",
                "inspector-ranking?region=" + COUNTY + "&period=2026Q4");
        Map<String, List<String>> found = new TreeMap<>();
        int files = 0;
        for (String report : reports) {
            String url = "/api/v1/reports/" + report;
            found.put(report + " html", codes(html(Api.as("city", "130500").get(url + "&format=html").then().statusCode(200)
                    .extract().asString())));
            found.put(report + " csv", codes(csv(Api.as("city", "130500").get(url + "&format=csv").then().statusCode(200)
                    .extract().asByteArray())));
            found.put(report + " xlsx", codes(xlsx(Api.as("city", "130500").get(url + "&format=xlsx").then().statusCode(200)
                    .extract().asByteArray())));
            files += 3;
        }
        for (String form : List.of("registration", "problems")) {
            String url = "/api/v1/ledger-forms/" + form + "?region=" + COUNTY + "&month=2026-10";
            found.put(form + " csv", codes(csv(Api.operator(COUNTY).get(url + "&format=csv").then().statusCode(200)
                    .extract().asByteArray())));
            String sheets = xlsx(Api.operator(COUNTY).get(url + "&format=xlsx").then().statusCode(200).extract().asByteArray());
            found.put(form + " xlsx", codes(sheets));
            assertTrue(sheets.contains("活性炭未更换"), "the month's checks are in the " + form + " form");
            files += 2;
        }
        found.values().removeIf(List::isEmpty);
        assertEquals(Map.of(), found, "English codes in Chinese tables");
        assertEquals(28, files);
        // the detector itself: a code alone is found, a code inside an identifier or word is not
        assertEquals(List.of("NO_PROBLEM", "KEY", "2026Q4", "2026-10"),
                codes("结果 NO_PROBLEM，类别（KEY）91130528MA0ABCDEF1 R000000001 HCFCs 2026Q4 2026-10 2026-10-10 2026年10月"));
    }

    /** Not codes: the page's footer names the formats it can be downloaded in (JSON, .xlsx, .csv). */
    private static final java.util.Set<String> WORDS = java.util.Set.of("JSON");

    private static List<String> codes(String text) {
        List<String> out = new ArrayList<>();
        Matcher m = CODE.matcher(text);
        while (m.find()) {
            if (!WORDS.contains(m.group())) {
                out.add(m.group());
            }
        }
        return out;
    }

    /** The text a reader sees: without styles, scripts, tags and entities. */
    private static String html(String page) {
        return page.replaceAll("(?is)<style.*?</style>|<script.*?</script>", " ").replaceAll("(?s)<!--.*?-->", " ")
                .replaceAll("(?s)<[^>]*>", " ").replaceAll("&[a-zA-Z]+;|&#\\d+;", " ");
    }

    private static String csv(byte[] bytes) {
        return new String(bytes, StandardCharsets.UTF_8);
    }

    /** Every cell of every sheet, one per line. */
    private static String xlsx(byte[] bytes) throws IOException {
        StringBuilder out = new StringBuilder();
        try (ReadableWorkbook wb = new ReadableWorkbook(new ByteArrayInputStream(bytes))) {
            for (Sheet sheet : wb.getSheets().toList()) {
                out.append(sheet.getName()).append('\n');
                for (Row row : sheet.read()) {
                    for (Cell cell : row) {
                        if (cell != null) {
                            out.append(cell.getText()).append('\n');
                        }
                    }
                }
            }
        }
        return out.toString();
    }
}
