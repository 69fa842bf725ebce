package cn.doublerandom.report.assessment;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.util.List;
import java.util.Map;

/**
 * The city's assessment of its counties for a quarter (seed 000): per unit, the figures of its random
 * checks, its targeted checks and all of them; the region's total; and each unit's rank on every
 * figure of all checks (highest first, ties share a rank: 1, 1, 1, 4). The bureau of the region itself
 * (本级) counts in the total but is not ranked. Checks are counted by inspection date within the quarter.
 * {@code scores}: the ranking blocks (执法考核整体排名 first, then one per category of the scoring scheme),
 * each unit with its score, its rank by score and the indicators behind the score.
 */
public record AssessmentView(String region, String regionName, String quarter, List<FigureName> figures,
                             List<UnitRow> units, Total total, List<ScoreBlock> scores) {

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

    /** A ranked figure: its key in {@code ranks} and its Chinese name. */
    @Schema(name = "FigureName")
    public record FigureName(String key, String label, String unit) {
    }

    @Schema(name = "AssessmentUnit")
    public record UnitRow(String code, String name, boolean own, Figures random, Figures targeted, Figures all,
                          Map<String, Integer> ranks) {
    }

    @Schema(name = "AssessmentTotal")
    public record Total(Figures random, Figures targeted, Figures all) {
    }
}
