package cn.doublerandom.registry.inspector;

import cn.doublerandom.platform.problem.Problem.FieldProblem;
import cn.doublerandom.region.RegionDirectory;
import cn.doublerandom.registry.FieldRules;
import cn.doublerandom.registry.target.Uscc;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

/** The rules of the inspector registry, the same for a JSON request and an imported row. */
public final class InspectorRules {

    /** DRAW-1 "Formats": inspector codes are snapshot tokens. */
    static final Pattern CODE = Pattern.compile("[0-9A-Z-]{1,32}");

    private InspectorRules() {
    }

    public record Checked(InspectorData data, List<FieldProblem> problems) {
        public boolean ok() {
            return problems.isEmpty();
        }
    }

    public static Checked check(String code, InspectorInput in, RegionDirectory regions) {
        FieldRules f = new FieldRules();
        String c = code == null ? null : code.strip();
        if (c == null || !CODE.matcher(c).matches()) {
            f.fail("code", c, "must be 1-32 characters of 0-9, A-Z and '-'");
        }
        String region = in.regionCode() == null ? null : in.regionCode().strip();
        if (!RegionDirectory.hasCodeForm(region)) {
            f.fail("regionCode", region, region == null ? "is required" : "must be a 6-digit region code (GB/T 2260)");
        } else if (regions.find(region) == null) {
            f.fail("regionCode", region, "unknown region code");
        }
        String name = f.text("name", in.name(), 50, true);
        String certificateNo = f.text("certificateNo", in.certificateNo(), 50, false);
        var expiry = f.date("certificateExpiry", in.certificateExpiry());
        boolean certified = Boolean.TRUE.equals(in.certified());
        boolean auxiliary = Boolean.TRUE.equals(in.auxiliary());
        if (in.status() == null) {
            f.fail("status", null, "is required: ACTIVE, ON_LEAVE, SECONDED or LEFT");
        }
        if (in.certified() == null) {
            f.fail("certified", null, "is required: true for a holder of an enforcement certificate (执法证)");
        }
        if (certified && auxiliary) {
            f.fail("auxiliary", "true", "an auxiliary expert (辅助检查人员) cannot be a certified member");
        }
        if (certified && (certificateNo == null || expiry == null)) {
            f.fail("certificateNo", certificateNo, "a certified inspector needs certificateNo and certificateExpiry");
        }
        String organisation = f.text("organisation", in.organisation(), 100, false);
        List<String> specialties = f.specialties("specialties", in.specialties());
        List<Conflict> conflicts = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        List<Conflict> declared = in.conflicts() == null ? List.of() : in.conflicts();
        for (int i = 0; i < declared.size(); i++) {
            Conflict k = declared.get(i);
            String uscc = k == null || k.uscc() == null ? null : k.uscc().strip();
            if (!Uscc.hasForm(uscc)) {
                f.fail("conflicts[" + i + "].uscc", uscc, "must be an 18-character unified social credit code");
                continue;
            }
            String reason = f.text("conflicts[" + i + "].reason", k.reason(), 200, true);
            if (reason != null && seen.add(uscc)) {
                conflicts.add(new Conflict(uscc, reason));
            } else if (reason != null) {
                f.fail("conflicts[" + i + "].uscc", uscc, "is declared twice");
            }
        }
        conflicts.sort(Comparator.comparing(Conflict::uscc));
        f.text("changeReason", in.changeReason(), 500, false);
        if (!f.ok()) {
            return new Checked(null, f.problems());
        }
        return new Checked(new InspectorData(c, region, name, certificateNo, expiry, in.status(), certified, auxiliary,
                organisation, specialties, conflicts), List.of());
    }
}
