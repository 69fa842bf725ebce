package cn.doublerandom.report.monthly;

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
