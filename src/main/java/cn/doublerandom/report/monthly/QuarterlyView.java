package cn.doublerandom.report.monthly;

import cn.doublerandom.report.render.ReportTitle;
import cn.doublerandom.report.compliance.ComplianceView;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.time.LocalDate;
import java.util.List;

/**
 * The quarterly implementation report (季度“双随机、一公开”监管工作落实情况) of each bureau: its quota
 * compliance, and its checks of the quarter (by inspection date) with how results, problems and
 * handling were distributed, random and targeted apart. Due to the city by {@code dueBy}.
 */
public record QuarterlyView(String region, String regionName, String quarter, LocalDate dueBy, List<AuthoritySummary> authorities) {

    /** What the report is about: its title after the region and the period. */
    public static final String SUBJECT = "“双随机、一公开”监管工作落实情况";

    /** The report's title, the one its page, workbook sheets and charts carry (one builder: {@code ReportTitle}). */
    @com.fasterxml.jackson.annotation.JsonProperty("title")
    @org.eclipse.microprofile.openapi.annotations.media.Schema(description = "The report's title as its page and workbook carry it: "
            + "the region, the period in Chinese and the subject, without spaces", example = "石家庄市2026年第四季度“双随机、一公开”监管工作落实情况")
    public String title() {
        return ReportTitle.of(regionName, ReportTitle.quarter(quarter), SUBJECT);
    }

    @Schema(name = "QuarterlyBureau")
    public record AuthoritySummary(String authority, String name, ComplianceView.AuthorityRow compliance, Breakdown random,
                                   Breakdown targeted) {
    }

    /** Checks of one kind: totals and their distribution by result wording, problem type, handling and source. */
    @Schema(name = "QuarterlyBreakdown")
    public record Breakdown(long checks, long problems, long violations, long nonSite, List<Count> wordings,
                            List<Count> problemTypes, List<Count> handling, List<Count> sources) {
    }

    @Schema(name = "QuarterlyCount")
    public record Count(String code, String label, long count) {
    }
}
