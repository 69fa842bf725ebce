package cn.doublerandom.registry.inspector;

import cn.doublerandom.region.RegionDirectory;
import cn.doublerandom.registry.importing.CellReader;
import cn.doublerandom.registry.importing.Column;
import cn.doublerandom.registry.importing.RegistrySheet;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.stream.Collectors;

/**
 * The inspector registry in Excel. Conflicts of interest are one cell, "USCC:理由" entries separated
 * by ；, e.g. {@code 91130123MA0CX5XK18:配偶任职}.
 */
@ApplicationScoped
public class InspectorSheet implements RegistrySheet<InspectorInput, InspectorData> {

    static final List<Column> COLUMNS = List.of(
            Column.required("code", "人员编号", "编号", "code"),
            Column.required("name", "姓名", "name"),
            Column.required("regionCode", "行政区划代码", "区划代码", "regionCode"),
            Column.optional("certificateNo", "执法证号", "执法证编号", "certificateNo"),
            Column.optional("certificateExpiry", "执法证有效期至", "执法证有效期", "certificateExpiry"),
            Column.required("status", "状态", "在岗状态", "status"),
            Column.required("certified", "持证执法人员", "是否持证", "certified"),
            Column.optional("auxiliary", "辅助检查人员", "是否辅助检查人员", "auxiliary"),
            Column.optional("organisation", "所属单位", "单位", "organisation"),
            Column.optional("specialties", "专业领域", "专长", "specialties"),
            Column.optional("conflicts", "回避企业", "回避", "conflicts"));

    /** The Chinese header of a record field, as the registry's spreadsheet names it (the field itself when it has no column). */
    public static String header(String field) {
        return COLUMNS.stream().filter(c -> c.key().equals(field)).map(Column::header).findFirst().orElse(field);
    }

    @Inject
    RegionDirectory regions;

    @Override
    public String name() {
        return "检查人员名录库";
    }

    @Override
    public List<Column> columns() {
        return COLUMNS;
    }

    @Override
    public String keyColumn() {
        return "code";
    }

    @Override
    public InspectorInput read(CellReader c) {
        List<Conflict> conflicts = null;
        String cell = c.text("conflicts");
        if (cell != null) {
            conflicts = new ArrayList<>();
            for (String entry : cell.split("[;；\\n]+")) {
                String e = entry.strip();
                if (e.isEmpty()) {
                    continue;
                }
                String[] parts = e.split("[:：]", 2);
                if (parts.length < 2 || parts[1].isBlank()) {
                    c.fail("conflicts", e, "each conflict must be written USCC:理由");
                } else {
                    conflicts.add(new Conflict(parts[0].strip(), parts[1].strip()));
                }
            }
        }
        return new InspectorInput(c.text("regionCode"), c.text("name"), c.text("certificateNo"),
                c.date("certificateExpiry"), c.choice("status", InspectorStatus.class), c.bool("certified"),
                c.bool("auxiliary"), c.text("organisation"), c.list("specialties"), conflicts, null);
    }

    @Override
    public Checked<InspectorData> check(String key, InspectorInput input) {
        InspectorRules.Checked checked = InspectorRules.check(key, input, regions);
        return new Checked<>(checked.data(), checked.problems());
    }

    @Override
    public String regionOf(InspectorData data) {
        return data.regionCode();
    }

    @Override
    public String keyOf(InspectorData data) {
        return data.code();
    }

    @Override
    public List<String> write(InspectorData d) {
        return Arrays.asList(d.code(), d.name(), d.regionCode(), d.certificateNo(), Objects.toString(d.certificateExpiry(), null),
                d.status().label(), d.certified() ? "是" : "否", d.auxiliary() ? "是" : "否", d.organisation(),
                String.join("、", d.specialties()),
                d.conflicts().stream().map(k -> k.uscc() + ":" + k.reason()).collect(Collectors.joining("；")));
    }
}
