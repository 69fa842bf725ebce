package cn.doublerandom.report.accountability;

import cn.doublerandom.report.render.ReportTitle;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/**
 * Accountability for violations that should have been found (seed 004, 应查出而未查出) in a year: the
 * standing judgements (by the later check's date), each earlier check with its team, the count of
 * firms per inspector with the consequence the thresholds give, and the pairs a person has yet to
 * judge (a violation found within a year after a check of the same enterprise that found nothing).
 */
public record AccountabilityView(String region, String regionName, int year, Thresholds thresholds,
                                 List<JudgementRow> judgements, List<InspectorRow> inspectors, long candidateCount,
                                 List<Candidate> candidates) {

    /** What the report is about: its title after the region and the period. */
    public static final String SUBJECT = "“应查出而未查出”责任倒查";

    /** The report's title, the one its page, workbook sheets and charts carry (one builder: {@code ReportTitle}). */
    @com.fasterxml.jackson.annotation.JsonProperty("title")
    @org.eclipse.microprofile.openapi.annotations.media.Schema(description = "The report's title as its page and workbook carry it: "
            + "the region, the period in Chinese and the subject, without spaces", example = "石家庄市2026年“应查出而未查出”责任倒查")
    public String title() {
        return ReportTitle.of(regionName, ReportTitle.year(year), SUBJECT);
    }

    /** Firms per inspector from which each consequence applies (policy: seed 004's 1, 2, 3 by default). */
    @Schema(name = "AccountabilityThresholds")
    public record Thresholds(int criticism, int removal, int referral) {
    }

    /** A check: RANDOM (a result R…) or TARGETED (C…), its bureau and inspection date. */
    @Schema(name = "CheckRef")
    public record CheckRef(@Schema(enumeration = {"RANDOM", "TARGETED"}) String kind, String id, String authority, String authorityName, LocalDate date) {
    }

    @Schema(name = "TeamMember")
    public record Member(String code, String name) {
    }

    /** A judgement; {@code retraction} is the reason it was retracted, null while it stands. */
    @Schema(name = "Judgement")
    public record JudgementRow(String id, String uscc, String enterpriseName, CheckRef earlier, List<Member> earlierTeam,
                               CheckRef later, String reason, Instant recordedAt, String recordedBy, String retraction) {
    }

    /**
     * An inspector of earlier teams: distinct firms judged missed, judgements, and the consequence
     * (CRITICISM 通报批评, REMOVAL 调离执法岗位, REFERRAL 移交纪检).
     */
    @Schema(name = "AccountableInspector")
    public record InspectorRow(String code, String name, String authority, long firms, long judgements,
                               List<String> judgementIds, String consequence, String consequenceLabel) {
    }

    @Schema(name = "AccountabilityCandidate")
    public record Candidate(String uscc, String enterpriseName, CheckRef earlier, CheckRef later) {
    }
}
