package cn.doublerandom.registry.target;

import cn.doublerandom.platform.problem.Problem.FieldProblem;
import cn.doublerandom.region.Region;
import cn.doublerandom.region.RegionDirectory;
import cn.doublerandom.region.RegionLevel;
import cn.doublerandom.registry.FieldRules;

import java.util.List;
import java.util.TreeSet;

/** The rules of the target registry, the same for a JSON request and an imported row. */
public final class TargetRules {

    private TargetRules() {
    }

    public record Checked(TargetData data, List<FieldProblem> problems) {
        public boolean ok() {
            return problems.isEmpty();
        }
    }

    public static Checked check(String uscc, TargetInput in, RegionDirectory regions) {
        FieldRules f = new FieldRules();
        String code = uscc == null ? null : uscc.strip();
        String overrideReason = f.text("usccOverrideReason", in.usccOverrideReason(), 500, false);
        switch (Uscc.verdict(code)) {
            case MALFORMED -> f.fail("uscc", code, Uscc.explain(code));
            case CHECK_FAILED -> {
                if (overrideReason == null) {
                    f.fail("uscc", code, Uscc.explain(code));
                }
            }
            case VALID -> {
                if (overrideReason != null) {
                    f.fail("usccOverrideReason", overrideReason, "only a code that fails the check character may carry an override");
                }
            }
        }
        String regionCode = in.regionCode() == null ? null : in.regionCode().strip();
        if (regionCode == null || regionCode.isEmpty()) {
            f.fail("regionCode", regionCode, "is required");
        } else if (!RegionDirectory.hasCodeForm(regionCode)) {
            f.fail("regionCode", regionCode, "must be a 6-digit region code (GB/T 2260)");
        } else {
            Region region = regions.find(regionCode);
            if (region == null) {
                f.fail("regionCode", regionCode, "unknown region code");
            } else if (region.level() != RegionLevel.COUNTY) {
                f.fail("regionCode", regionCode, "a target belongs to a county-level region, not a " + region.level().name().toLowerCase());
            }
        }
        String name = f.text("name", in.name(), 200, true);
        String address = f.text("address", in.address(), 500, false);
        String township = f.text("township", in.township(), 100, false);
        String industry = f.text("industry", in.industry(), 100, false);
        String projectStatus = f.text("projectStatus", in.projectStatus(), 100, false);
        List<String> pollutants = new TreeSet<>(f.texts("pollutantTypes", in.pollutantTypes(), 50)).stream().toList();
        String scale = f.text("scale", in.scale(), 50, false);
        String cycle = f.text("productionCycle", in.productionCycle(), 100, false);
        List<MonitoringType> monitoring = in.monitoringTypes() == null ? List.of()
                : in.monitoringTypes().stream().filter(java.util.Objects::nonNull).distinct().sorted().toList();
        var from = f.date("positiveListFrom", in.positiveListFrom());
        var to = f.date("positiveListTo", in.positiveListTo());
        if (to != null && from == null) {
            f.fail("positiveListTo", to.toString(), "needs positiveListFrom");
        } else if (to != null && to.isBefore(from)) {
            f.fail("positiveListTo", to.toString(), "must not be before positiveListFrom " + from);
        }
        if (in.operatingStatus() == null) {
            f.fail("operatingStatus", null, "is required: PRODUCING, HALTED or CLOSED");
        }
        f.text("changeReason", in.changeReason(), 500, false);
        if (!f.ok()) {
            return new Checked(null, f.problems());
        }
        return new Checked(new TargetData(code, regionCode, name, address, township, industry, projectStatus, pollutants,
                scale, cycle, monitoring, in.permitClass(), Boolean.TRUE.equals(in.keyDischarger()), in.creditRating(),
                in.weatherGrade(), from, to, in.operatingStatus(), overrideReason, in.objectKinds()), List.of());
    }
}
