package cn.doublerandom.report.monthly;

import cn.doublerandom.report.render.ReportTitle;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.time.LocalDate;
import java.util.List;

/**
 * The monthly detail table (“双随机、一公开”情况明细表) of a month's random inspections, per bureau, with
 * each result's publication date and public link; due to the city by {@code dueBy} (the 8th).
 */
public record MonthlyView(String region, String regionName, String month, LocalDate dueBy, LocalDate asOf,
                          List<AuthorityTable> authorities) {

    /** What the report is about: its title after the region and the period. */
    public static final String SUBJECT = "“双随机、一公开”情况明细表";

    /** The report's title, the one its page, workbook sheets and charts carry (one builder: {@code ReportTitle}). */
    @com.fasterxml.jackson.annotation.JsonProperty("title")
    @org.eclipse.microprofile.openapi.annotations.media.Schema(description = "The report's title as its page and workbook carry it: "
            + "the region, the period in Chinese and the subject, without spaces", example = "石家庄市2026年11月“双随机、一公开”情况明细表")
    public String title() {
        return ReportTitle.of(regionName, ReportTitle.month(month), SUBJECT);
    }

    @Schema(name = "MonthlyBureau")
    public record AuthorityTable(String authority, String name, int inspections, List<Row> rows) {
    }

    /**
     * One inspection. {@code plannedMethod} is the draw's (现场 or 科技); {@code method} is what the
     * result recorded. {@code publication} is the state in words; {@code link} the public page once published.
     */
    @Schema(name = "MonthlyRow")
    public record Row(int no, String resultId, String drawId, LocalDate inspectionDate, String enterpriseName, String uscc,
                      String items, String team,
                      @Schema(enumeration = {"现场检查", "科技检查"}) String plannedMethod,
                      @Schema(enumeration = {"现场检查", "科技检查（非现场）"}) String method, String wording,
                      boolean violationFound, int problems, String handling, String publication, LocalDate publishedDate,
                      String link) {
    }
}
