package cn.doublerandom.report.staffing;

import cn.doublerandom.report.render.ReportTitle;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

/**
 * Seed 003's two staffing figures for a period: the enforcement staff (not auxiliary experts) with the most inspections (the top
 * {@code top} ranks, ties sharing a rank, so more rows when the last rank is shared), and per bureau
 * the certified share (持证率) of its enforcement staff as the registry stood on {@code asOf}.
 */
public record InspectorRankingView(String region, String regionName, String period, String periodName, LocalDate asOf, int top,
                                   List<Ranked> inspectors, List<UnitShare> units) {

    /** What the report is about: its title after the region and the period. */
    public static final String SUBJECT = "执法人员检查次数排名及持证率";

    /** The report's title, the one its page, workbook sheets and charts carry (one builder: {@code ReportTitle}). */
    @com.fasterxml.jackson.annotation.JsonProperty("title")
    @org.eclipse.microprofile.openapi.annotations.media.Schema(description = "The report's title as its page and workbook carry it: "
            + "the region, the period in Chinese and the subject, without spaces", example = "石家庄市2026年第四季度执法人员检查次数排名及持证率")
    public String title() {
        return ReportTitle.of(regionName, periodName, SUBJECT);
    }

    /** An inspector of the region with its inspections (checks whose team lists it) in the period. */
    @Schema(name = "RankedInspector")
    public record Ranked(int rank, String code, String name, String authority, String authorityName, long inspections) {
    }

    /**
     * One bureau: {@code staff} its enforcement staff (not auxiliary, not 离职), {@code certified} those
     * holding a valid enforcement certificate, {@code certifiedShare} the percentage (null without staff),
     * {@code allCertified} 全员持证, {@code above80} 持证率大于80%, {@code inTop} its inspectors in the ranking.
     */
    @Schema(name = "CertifiedShare")
    public record UnitShare(String authority, String name, long staff, long certified, BigDecimal certifiedShare, Boolean allCertified,
                            Boolean above80, long inTop) {
    }
}
