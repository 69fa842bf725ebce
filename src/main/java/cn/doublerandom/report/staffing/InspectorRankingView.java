package cn.doublerandom.report.staffing;

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
