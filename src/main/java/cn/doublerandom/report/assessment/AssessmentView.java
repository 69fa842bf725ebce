package cn.doublerandom.report.assessment;

import cn.doublerandom.report.render.ReportTitle;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.util.List;
import java.util.Map;

/**
 * The city's assessment of its counties for a quarter (seed 000): per unit, the figures of its random
 * checks, its targeted checks and all of them; the region's total; and each unit's rank on every
 * figure of all checks (best first in the figure's direction, ties share a rank: 1, 1, 1, 4). The bureau of the region itself
 * (本级) counts in the total but is not ranked. Checks are counted by inspection date within the quarter.
 * {@code scores}: the ranking blocks (执法考核整体排名 first, then one per category of the scoring scheme),
 * each unit with its score, its rank by score and the indicators behind the score.
 */
public record AssessmentView(String region, String regionName, String quarter, String previousQuarter, List<FigureName> figures,
                             List<UnitRow> units, Total total, SchemeRef scheme, List<ScoreBlock> scores) {

    /** What the report is about: its title after the region and the period. */
    public static final String SUBJECT = "执法检查统计与排名";

    /** The report's title, the one its page, workbook sheets and charts carry (one builder: {@code ReportTitle}). */
    @com.fasterxml.jackson.annotation.JsonProperty("title")
    @org.eclipse.microprofile.openapi.annotations.media.Schema(description = "The report's title as its page and workbook carry it: "
            + "the region, the period in Chinese and the subject, without spaces", example = "石家庄市2026年第四季度执法检查统计与排名")
    public String title() {
        return ReportTitle.of(regionName, ReportTitle.quarter(quarter), SUBJECT);
    }

    /**
     * The scheme that scored: a city's recorded version ({@code recorded}), or the service's default
     * scheme (version 0), which is ours and configurable, not the official 评分标准.
     */
    @Schema(name = "AssessmentSchemeRef")
    public record SchemeRef(String region, String regionName, int year, int version, boolean recorded) {
    }

    /** A ranking block (执法考核整体排名, 日常执法监管排名, …): units by rank, ties share a rank. */
    @Schema(name = "AssessmentScoreBlock")
    public record ScoreBlock(String key, String name, List<ScoreEntry> entries) {
    }

    @Schema(name = "AssessmentScoreEntry")
    public record ScoreEntry(String code, String name, java.math.BigDecimal score, int rank, List<IndicatorScore> indicators) {
    }

    /** One figure behind a category score: its value, the unit's rank on it and the points it earned. */
    @Schema(name = "AssessmentIndicatorScore")
    public record IndicatorScore(String figure, java.math.BigDecimal value, Integer rank, java.math.BigDecimal points) {
    }

    /** A ranked figure: its key in {@code ranks}, its Chinese name and unit, and which way it ranks. */
    @Schema(name = "FigureName")
    public record FigureName(String key, String label, String unit, cn.doublerandom.report.scoring.Direction direction) {
    }

    /**
     * A unit: {@code name} as the city's table names it (高新区); {@code ranked} false for the city bureau
     * and for units the city does not assess (in the figures and the total, without ranks or scores);
     * {@code changes}: each figure of all checks against the previous quarter.
     */
    @Schema(name = "AssessmentUnit")
    public record UnitRow(String code, String name, boolean own, boolean ranked, Figures random, Figures targeted, Figures all,
                          Map<String, Integer> ranks, Map<String, Change> changes, Flags flags) {
    }

    @Schema(name = "AssessmentTotal")
    public record Total(Figures random, Figures targeted, Figures all, Map<String, Change> changes) {
    }

    /**
     * A figure against the previous quarter (比上一季度): the previous value, the difference (percentage
     * points for a rate) and, for a count with a previous value above 0, the change in percent of it.
     */
    @Schema(name = "AssessmentChange")
    public record Change(java.math.BigDecimal previous, java.math.BigDecimal difference, java.math.BigDecimal percent) {
    }

    /**
     * Seed 000's flags on the violation rate (发现违法问题率): above the region's rate (超过全市平均), and under
     * doublerandom.reports.assessment.low-violation-rate (低于1%); both null for a unit without checks.
     */
    @Schema(name = "AssessmentFlags")
    public record Flags(Boolean aboveAverage, Boolean belowLow) {
    }
}
