package cn.doublerandom.report.changes;

import cn.doublerandom.report.render.ReportDocument;
import cn.doublerandom.report.render.ReportTable;
import cn.doublerandom.report.render.ReportTitle;

import java.util.ArrayList;
import java.util.List;

/** The registry-change report as tables: counts per bureau, then the inspectors and the targets that changed. */
public final class RegistryChangeDocument {

    private RegistryChangeDocument() {
    }

    public static ReportDocument of(RegistryChangeView v) {
        List<List<String>> summary = new ArrayList<>();
        for (RegistryChangeView.UnitCount u : v.units()) {
            summary.add(List.of(u.name(), u.authority(), n(u.inspectorsAdded()), n(u.inspectorsChanged()), n(u.inspectorsRetired()),
                    n(u.targetsAdded()), n(u.targetsChanged()), n(u.targetsRetired())));
        }
        List<String> notes = new ArrayList<>();
        notes.add("报送期限：" + ReportTitle.date(v.dueBy()) + "前（实施方案：每季度统计报送需调整的检查人员库信息和检查对象名录信息，报送日期为3月、6月、9月和12月的18日前）。"
                + (v.dueNote() == null ? "" : v.dueNote()));
        notes.add("按名录库记录变更的日期计入本季度。新增：本季度首次登记；退出：本季度内检查人员变为离职、检查对象变为关闭；其余为变更，列出变更的项目。");
        notes.add("检查对象本季度登记或撤销的行政处罚、群众举报查实、挂牌督办（决定其是否列为特殊监管对象）列入变更项目，登记次数含这些登记。");
        cut(notes, "检查人员", "inspectors", v.inspectors().size(), v.inspectorsTotal(), v);
        cut(notes, "检查对象", "targets", v.targets().size(), v.targetsTotal(), v);
        return new ReportDocument(v.title(), "统计范围：" + v.regionName() + "（" + v.region() + "）及所辖单位；报送期限" + ReportTitle.date(v.dueBy()),
                "名录库调整-" + v.region() + "-" + v.quarter(), notes,
                List.of(new ReportTable("summary", "各单位名录库调整汇总", List.of("单位", "区划代码", "检查人员新增", "检查人员变更",
                                "检查人员退出", "检查对象新增", "检查对象变更", "检查对象退出"), summary),
                        new ReportTable("inspectors", "检查人员名录库调整明细" + listed(v.inspectors().size(), v.inspectorsTotal()), List.of("单位", "区划代码", "人员编号", "姓名", "调整类型",
                                "变更项目", "登记次数"), rows(v.inspectors())),
                        new ReportTable("targets", "检查对象名录库调整明细" + listed(v.targets().size(), v.targetsTotal()), List.of("单位", "区划代码", "统一社会信用代码", "单位名称",
                                "调整类型", "变更项目", "登记次数"), rows(v.targets()))),
                List.of());
    }

    /** A list cut at the report's limit says so, and where the whole list and each unit's are read. */
    private static void cut(List<String> notes, String what, String path, int listed, int total, RegistryChangeView v) {
        if (total <= listed) {
            return;
        }
        notes.add(what + "调整共" + total + "条，明细表只列出按单位、调整类型、编码排序的前" + listed + "条（每表至多" + v.listLimit()
                + "条）；各单位的调整条数见汇总表。完整明细请分页读取 /api/v1/reports/registry-changes/" + path + "?region=" + v.region()
                + "&quarter=" + v.quarter() + "（每页至多1000条，以返回的 next 作为 after 读取下一页）；某一单位的明细，将 region 换为该单位的区划代码，"
                + "或以该单位的区划代码导出本报表。");
    }

    private static String listed(int listed, int total) {
        return total > listed ? "（前" + listed + "条，共" + total + "条）" : "";
    }

    private static List<List<String>> rows(List<RegistryChangeView.Row> rows) {
        List<List<String>> out = new ArrayList<>();
        for (RegistryChangeView.Row r : rows) {
            out.add(List.of(r.authorityName() == null ? "" : r.authorityName(), r.authority() == null ? "" : r.authority(), r.code(),
                    r.name() == null ? "" : r.name(), r.changeName(), r.fields().isEmpty() ? "—" : String.join("、", r.fields()),
                    n(r.versions())));
        }
        return out;
    }

    private static String n(int n) {
        return String.valueOf(n);
    }
}
