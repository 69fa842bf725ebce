package cn.doublerandom.report.changes;

import cn.doublerandom.report.render.ReportTitle;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/**
 * The quarterly report of adjustments to the inspector and target registries (seed 001 四(四):
 * 每季度统计报送需调整的检查人员库信息和检查对象名录信息，报送日期为3月、6月、9月和12月的18日前).
 * {@code dueBy} is the 18th of the quarter's last month; {@code dueNote} says when that day is not a
 * working day (the plan moves it for no holiday) or when the year's calendar is not loaded.
 * {@code units} count every record; {@code inspectors} and {@code targets} list at most {@code listLimit}
 * records each, the first in the report's order (unit, then added, changed, retired, then code), out of
 * {@code inspectorsTotal} and {@code targetsTotal}: a whole list is read page by page from
 * /api/v1/reports/registry-changes/inspectors or /targets, or one unit's by asking for that unit's region.
 */
public record RegistryChangeView(String region, String regionName, String quarter, String quarterName, LocalDate dueBy,
                                 String dueNote, List<UnitCount> units,
                                 @Schema(description = "The first listLimit inspectors of the report's order; all of them when inspectorsTotal is not larger")
                                 List<Row> inspectors,
                                 @Schema(description = "The first listLimit targets of the report's order; all of them when targetsTotal is not larger")
                                 List<Row> targets,
                                 @Schema(description = "How many inspectors were added, changed or retired in the quarter in the region")
                                 int inspectorsTotal,
                                 @Schema(description = "How many targets were added, changed or retired in the quarter in the region")
                                 int targetsTotal,
                                 @Schema(description = "The most records inspectors and targets each list")
                                 int listLimit) {

    /** What the report is about: its title after the region and the period. */
    public static final String SUBJECT = "检查人员名录库、检查对象名录库调整情况";

    /** The report's title, the one its page, workbook sheets and charts carry (one builder: {@code ReportTitle}). */
    @com.fasterxml.jackson.annotation.JsonProperty("title")
    @org.eclipse.microprofile.openapi.annotations.media.Schema(description = "The report's title as its page and workbook carry it: "
            + "the region, the period in Chinese and the subject, without spaces", example = "石家庄市2026年第四季度检查人员名录库、检查对象名录库调整情况")
    public String title() {
        return ReportTitle.of(regionName, ReportTitle.quarter(quarter), SUBJECT);
    }

    /** Counts per bureau: added, changed, retired, of inspectors and of targets. */
    @Schema(name = "RegistryChangeUnit")
    public record UnitCount(String authority, String name, int inspectorsAdded, int inspectorsChanged, int inspectorsRetired,
                            int targetsAdded, int targetsChanged, int targetsRetired) {
    }

    /**
     * One record's changes in the quarter: {@code change} is ADDED, CHANGED or RETIRED ({@code changeName}
     * 新增, 变更, 退出); {@code fields} the changed columns by their Chinese headers.
     */
    @Schema(name = "RegistryChangeRow")
    public record Row(String authority, String authorityName, String code, String name, String change, String changeName,
                      List<String> fields, int versions, Instant lastRecordedAt, String reason) {
    }
}
