package cn.doublerandom.draw;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

/**
 * An authority's quarter (本季度抽查计划执行情况): per supervision class the requirement, what the
 * quarter's executed, unvoided undirected draws selected and what remains; per responsible division
 * (责任处室) its draws; and the internal joint inspections (内部联合抽查) against the plan's 3%.
 *
 * @param requirementFrom where the requirement comes from: DRAW, the plan stored by the quarter's latest
 *                        undirected draw that counts ({@code requirementDraw}, as at its {@code requirementDate});
 *                        REGISTRY, the registry as it stands today (no such draw yet); NONE when no quota
 *                        policy covers the quarter
 */
public record QuarterPlanView(String authority, String authorityName,
                              @Schema(enumeration = {"PROVINCE", "CITY", "COUNTY"}) String level, String quarter, String quarterName,
                              @Schema(enumeration = {"DRAW", "REGISTRY", "NONE"}) String requirementFrom,
                              String requirementDraw, LocalDate requirementDate, List<ClassLine> classes,
                              List<DivisionLine> divisions, Joint joint) {

    /**
     * One supervision class: N, its operating targets; the quarter's requirement; what was selected; what
     * remains, never below 0 (the quota of the next undirected draw); requirement and remaining are null
     * without a policy.
     */
    @Schema(name = "QuarterPlanClass")
    public record ClassLine(@Schema(enumeration = {"KEY", "SPECIAL", "GENERAL"}) String stratum, String label, Long operating,
                            Integer requirement, long done, Integer remaining) {
    }

    /**
     * A responsible division (empty for items without one) with the quarter's draws it led: whether its one
     * undirected draw of the quarter is done ({@code undirectedDrawn}), what that draw selected per class
     * ({@code done}), and each draw.
     */
    @Schema(name = "QuarterPlanDivision")
    public record DivisionLine(String division, boolean undirectedDrawn, Map<String, Long> done, List<DrawLine> draws) {
    }

    /** One draw of the quarter: where it stands, whether it is a joint inspection and counts toward the quotas, what it selected. */
    @Schema(name = "QuarterPlanDraw")
    public record DrawLine(String id, @Schema(enumeration = {"UNDIRECTED", "DIRECTED"}) String kind, DrawStatus status,
                           boolean joint, boolean countsTowardQuota, Map<String, Long> selected) {
    }

    /**
     * Internal joint inspections (内部联合抽查): executed, unvoided draws whose items belong to two or more
     * divisions, and the targets they selected, against the quarter's minimum. The plan (seed 001 二（五）)
     * asks for one every quarter, of at least {@code rate} of the yearly joint random-inspection figures
     * the local 双随机、一公开 leading group office sets ({@code yearlyInspections} 次数, {@code yearlySubjects}
     * 检查主体数量), which the quota policy holds; null when the policy does not.
     */
    @Schema(name = "QuarterPlanJoint")
    public record Joint(long draws, long targets, BigDecimal rate, Integer yearlyInspections, Integer yearlySubjects,
                        int requiredDraws, Integer requiredTargets, boolean met) {
    }
}
