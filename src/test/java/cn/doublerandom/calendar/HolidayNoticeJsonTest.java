package cn.doublerandom.calendar;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class HolidayNoticeJsonTest {

    @ParameterizedTest(name = "{0}.json: {1} days, {2} papers, {3} .. {4}")
    @CsvSource({
            "2020, 37, 2, 2020-01-01, 2020-10-10",
            "2021, 38, 1, 2021-01-01, 2021-10-09",
            "2022, 38, 1, 2022-01-01, 2022-10-09",
            "2023, 34, 1, 2022-12-31, 2023-10-08",
            "2024, 36, 1, 2024-01-01, 2024-10-12",
            "2025, 33, 1, 2025-01-01, 2025-10-11",
            "2026, 39, 1, 2026-01-01, 2026-10-10",
    })
    void everyRealFileParses(int year, int days, int papers, String first, String last) {
        HolidayNotice notice = HolidayNoticeJson.parse(TestData.json(year));
        assertEquals(year, notice.year());
        assertEquals(days, notice.days().size());
        assertEquals(papers, notice.papers().size());
        assertEquals(LocalDate.parse(first), notice.days().get(0).date());
        assertEquals(LocalDate.parse(last), notice.days().get(days - 1).date());
    }

    @Test
    void realFileContentIsReadCorrectly() {
        HolidayNotice n = HolidayNoticeJson.parse(TestData.json(2025));
        assertEquals(List.of("https://www.gov.cn/zhengce/zhengceku/202411/content_6986383.htm"), n.papers());
        assertEquals(new NoticeDay("元旦", LocalDate.of(2025, 1, 1), true), n.days().get(0));
        assertEquals(new NoticeDay("春节", LocalDate.of(2025, 1, 26), false), n.days().get(1));
        assertEquals(new NoticeDay("国庆节、中秋节", LocalDate.of(2025, 10, 11), false), n.days().get(32));
    }

    @Test
    void escapesUnknownFieldsAndWhitespace() {
        String json = "\uFEFF {\r\n \"$schema\": \"x\", \"$id\": null, \"extra\": [1, -2.5e+3, {\"a\": [true, false]}],\n"
                + " \"year\" : 2025 , \"papers\" : [ \"a\\\"b\\\\c\\/d\\b\\f\\n\\r\\t\", \"\\u6625\\u8282 \\uD83D\\uDE00\" ],\n"
                + " \"days\": [ {\"note\": {}, \"name\": \"\\u6625\\u8282\", \"date\": \"2025-01-26\", \"isOffDay\": false} ] }\n";
        HolidayNotice n = HolidayNoticeJson.parse(json);
        assertEquals(2025, n.year());
        assertEquals(List.of("a\"b\\c/d\b\f\n\r\t", "春节 \uD83D\uDE00"), n.papers());
        assertEquals(List.of(new NoticeDay("春节", LocalDate.of(2025, 1, 26), false)), n.days());
    }

    @Test
    void emptyPapersAndDaysAreAccepted() {
        HolidayNotice n = HolidayNoticeJson.parse("{\"year\":2030,\"papers\":[],\"days\":[]}");
        assertEquals(2030, n.year());
        assertEquals(List.of(), n.days());
    }

    // ------------------------------------------------------------------ bad input

    private static String error(String json) {
        return assertThrows(IllegalArgumentException.class, () -> HolidayNoticeJson.parse(json)).getMessage();
    }

    private static String day(String name, String date, String offDay) {
        return "{\"name\":\"" + name + "\",\"date\":\"" + date + "\",\"isOffDay\":" + offDay + "}";
    }

    private static String notice(String year, String... days) {
        return "{\"year\":" + year + ",\"papers\":[\"p\"],\"days\":[" + String.join(",", days) + "]}";
    }

    @Test
    void missingYear() {
        assertEquals("Missing required field 'year'",
                error("{\"papers\":[],\"days\":[" + day("元旦", "2025-01-01", "true") + "]}"));
    }

    @Test
    void missingOrWrongTypedFields() {
        assertEquals("Missing required field 'papers'", error("{\"year\":2025,\"days\":[]}"));
        assertEquals("Missing required field 'days'", error("{\"year\":2025,\"papers\":[]}"));
        assertEquals("Missing required field 'days[1].isOffDay'", error(notice("2025",
                day("元旦", "2025-01-01", "true"), "{\"name\":\"春节\",\"date\":\"2025-01-26\"}")));
        assertEquals("Field 'year' must be an integer number, got string \"2025\"", error(notice("\"2025\"")));
        assertEquals("Field 'year' must be an integer number, got null", error(notice("null")));
        assertEquals("Field 'year' must be an integer without fraction or exponent (at most 9 digits), got 2025.5",
                error(notice("2025.5")));
        assertEquals("Holiday notice: year 0 is out of range 1..9999", error(notice("0")));
        assertEquals("Field 'days[0].isOffDay' must be true or false, got string \"true\"",
                error(notice("2025", day("元旦", "2025-01-01", "\"true\""))));
        assertEquals("Field 'days[0].name' must be a string, got null",
                error(notice("2025", "{\"name\":null,\"date\":\"2025-01-01\",\"isOffDay\":true}")));
        assertEquals("Field 'days[0].name' must not be blank", error(notice("2025", day(" ", "2025-01-01", "true"))));
        assertEquals("Field 'papers[0]' must be a string, got number 1",
                error("{\"year\":2025,\"papers\":[1],\"days\":[]}"));
        assertEquals("Field 'days' must be an array, got an object", error("{\"year\":2025,\"papers\":[],\"days\":{}}"));
        assertEquals("Field 'days[0]' must be an object, got an array", error(notice("2025", "[]")));
        assertEquals("The JSON root must be an object, got an array", error("[]"));
    }

    @Test
    void badDates() {
        assertEquals("Field 'days[0].date' must be a date in the form yyyy-MM-dd, got \"2025-02-30\"",
                error(notice("2025", day("春节", "2025-02-30", "true"))));
        assertEquals("Field 'days[0].date' must be a date in the form yyyy-MM-dd, got \"2025-1-1\"",
                error(notice("2025", day("元旦", "2025-1-1", "true"))));
        assertEquals("Field 'days[0].date' must be a date in the form yyyy-MM-dd, got \"2025/01/01\"",
                error(notice("2025", day("元旦", "2025/01/01", "true"))));
    }

    @Test
    void dateOutsideTheYear() {
        assertEquals("Holiday notice 2026: days[1] (2027-01-01 元旦): date 2027-01-01 is outside the notice year 2026"
                        + " (only 2026-01-01..2026-12-31, or a New Year lead-in 2025-12-25..2025-12-31, is allowed)",
                error(notice("2026", day("元旦", "2026-01-01", "true"), day("元旦", "2027-01-01", "true"))));
        assertEquals("Holiday notice 2026: days[0] (2025-10-01 国庆节): date 2025-10-01 is outside the notice year 2026"
                        + " (only 2026-01-01..2026-12-31, or a New Year lead-in 2025-12-25..2025-12-31, is allowed)",
                error(notice("2026", day("国庆节", "2025-10-01", "true"))));
    }

    @Test
    void makeUpDayOnAWednesday() {
        // 2025-03-05 is a Wednesday and not right after a listed day off
        assertEquals("Holiday notice 2025: days[1] (2025-03-05 春节): isOffDay=false (make-up working day) but"
                        + " 2025-03-05 is a WEDNESDAY; a make-up working day must be a Saturday or Sunday",
                error(notice("2025", day("元旦", "2025-01-01", "true"), day("春节", "2025-03-05", "false"))));
    }

    @Test
    void duplicateDate() {
        assertEquals("Holiday notice 2025: days[2] (2025-01-28 除夕): duplicate date 2025-01-28,"
                        + " already listed at days[1] (2025-01-28 春节)",
                error(notice("2025", day("元旦", "2025-01-01", "true"), day("春节", "2025-01-28", "true"),
                        day("除夕", "2025-01-28", "true"))));
    }

    @Test
    void malformedJson() {
        assertEquals("Malformed JSON at line 1, column 1: empty input, expected a JSON object", error(""));
        assertEquals("Malformed JSON at line 2, column 2: empty input, expected a JSON object", error(" \n "));
        assertEquals("Malformed JSON at line 1, column 13: unexpected character ']', expected ',' or '}'",
                error("{\"year\":2025]"));
        assertEquals("Malformed JSON at line 2, column 11: unexpected character '}', expected a member name in double quotes",
                error("{\"year\":2025,\n\"days\":[],}"));
        assertEquals("Malformed JSON at line 1, column 24: unexpected character ']', expected a value",
                error("{\"year\":2025,\"days\":[1,]}"));
        assertEquals("Malformed JSON at line 1, column 13: unexpected end of input, expected ',' or '}'",
                error("{\"year\":2025"));
        assertEquals("Malformed JSON at line 1, column 2: unexpected character 'y', expected a member name in double quotes",
                error("{year:2025}"));
        assertEquals("Malformed JSON at line 1, column 8: unexpected character 'T', expected a value",
                error("{\"a\":  True}"));
        assertEquals("Malformed JSON at line 1, column 6: unexpected character ''', expected a value",
                error("{\"a\":'x'}"));
        assertEquals("Malformed JSON at line 1, column 7: invalid number, leading zeros are not allowed",
                error("{\"a\":02025}"));
        assertEquals("Malformed JSON at line 1, column 8: invalid number, expected a digit after '.'",
                error("{\"a\":1.}"));
        assertEquals("Malformed JSON at line 1, column 6: unterminated string", error("{\"a\":\"abc}"));
        assertEquals("Malformed JSON at line 1, column 7: invalid escape \"\\x\" in string", error("{\"a\":\"\\x\"}"));
        assertEquals("Malformed JSON at line 1, column 7: invalid \\u escape \"\\u12G4\", expected 4 hex digits",
                error("{\"a\":\"\\u12G4\"}"));
        assertEquals("Malformed JSON at line 1, column 8: unescaped control character U+000A in string",
                error("{\"a\":\"x\ny\"}"));
        assertEquals("Malformed JSON at line 1, column 14: duplicate member name \"year\" in the object starting at line 1, column 1",
                error("{\"year\":2025,\"year\":2026,\"papers\":[],\"days\":[]}"));
        assertEquals("Malformed JSON at line 1, column 3: unexpected character '{' after the end of the JSON value",
                error("{}{}"));
        assertEquals("Malformed JSON at line 1, column 65: nesting deeper than 64 levels",
                error("[".repeat(100) + "]".repeat(100)));
    }
}
