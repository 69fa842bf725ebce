package cn.doublerandom.registry.target;

import cn.doublerandom.platform.problem.Problem.FieldProblem;
import cn.doublerandom.region.Region;
import cn.doublerandom.region.RegionDirectory;
import cn.doublerandom.region.RegionLevel;
import cn.doublerandom.registry.FieldRules;

import java.math.BigDecimal;
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
        String legalRepresentative = f.text("legalRepresentative", in.legalRepresentative(), 50, false);
        BigDecimal longitude = coordinate(f, "longitude", "经度", in.longitude(), MIN_LONGITUDE, MAX_LONGITUDE);
        BigDecimal latitude = coordinate(f, "latitude", "纬度", in.latitude(), MIN_LATITUDE, MAX_LATITUDE);
        if ((in.longitude() == null) != (in.latitude() == null)) {
            String missing = in.longitude() == null ? "longitude" : "latitude";
            f.fail(missing, null, "经度和纬度须同时填写：一个点需要两者");
        }
        if (!f.ok()) {
            return new Checked(null, f.problems());
        }
        return new Checked(new TargetData(code, regionCode, name, address, township, industry, projectStatus, pollutants,
                scale, cycle, monitoring, in.permitClass(), Boolean.TRUE.equals(in.keyDischarger()), in.creditRating(),
                in.weatherGrade(), from, to, in.operatingStatus(), overrideReason, in.objectKinds(), in.enterpriseType(),
                legalRepresentative, longitude, latitude, in.ultraLowEmission(), in.selfAcceptedSince2019(),
                in.ledgerIndustry()), List.of());
    }

    /** China's extent in decimal degrees (WGS-84 or GCJ-02 alike): a point outside it is a typing error. */
    static final BigDecimal MIN_LONGITUDE = new BigDecimal("73");
    static final BigDecimal MAX_LONGITUDE = new BigDecimal("136");
    static final BigDecimal MIN_LATITUDE = new BigDecimal("3");
    static final BigDecimal MAX_LATITUDE = new BigDecimal("54");

    /** A coordinate in decimal degrees inside China, kept to {@link TargetData#COORDINATE_SCALE} places. */
    private static BigDecimal coordinate(FieldRules f, String field, String words, BigDecimal value, BigDecimal min,
                                         BigDecimal max) {
        if (value == null) {
            return null;
        }
        if (value.compareTo(min) < 0 || value.compareTo(max) > 0) {
            f.fail(field, value.toPlainString(), words + "须为十进制度数，在" + min + "至" + max + "之间（中国境内）");
            return null;
        }
        return TargetData.coordinate(value);
    }
}
