package cn.doublerandom.registry.target;

import cn.doublerandom.region.RegionDirectory;
import cn.doublerandom.registry.Labelled;
import cn.doublerandom.registry.importing.CellReader;
import cn.doublerandom.registry.importing.Column;
import cn.doublerandom.registry.importing.RegistrySheet;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import java.time.LocalDate;
import java.util.List;
import java.util.Objects;
import java.util.stream.Collectors;

/** The target registry as bureaus keep it in Excel: Chinese headers, Chinese wording for codes. */
@ApplicationScoped
public class TargetSheet implements RegistrySheet<TargetInput, TargetData> {

    static final List<Column> COLUMNS = List.of(
            Column.required("uscc", "统一社会信用代码", "社会信用代码", "信用代码", "uscc"),
            Column.required("name", "单位名称", "企业名称", "名称", "name"),
            Column.required("regionCode", "行政区划代码", "区划代码", "regionCode"),
            Column.optional("address", "地址", "单位地址", "企业地址", "address"),
            Column.optional("township", "乡镇（街道）", "乡镇", "乡镇或开发区", "township"),
            Column.optional("industry", "行业类别", "行业", "industry"),
            Column.optional("projectStatus", "项目状态", "projectStatus"),
            Column.optional("pollutantTypes", "污染物类型", "pollutantTypes"),
            Column.optional("scale", "规模", "企业规模", "scale"),
            Column.optional("productionCycle", "生产周期", "productionCycle"),
            Column.optional("monitoringTypes", "监控类型", "非现场监管手段", "monitoringTypes"),
            Column.optional("permitClass", "排污许可管理类别", "许可管理类别", "permitClass"),
            Column.optional("keyDischarger", "重点排污单位", "是否重点排污单位", "keyDischarger"),
            Column.optional("creditRating", "环境信用等级", "信用等级", "creditRating"),
            Column.optional("weatherGrade", "重污染天气绩效分级", "绩效分级", "weatherGrade"),
            Column.optional("positiveListFrom", "正面清单起始日期", "纳入正面清单日期", "positiveListFrom"),
            Column.optional("positiveListTo", "正面清单截止日期", "移出正面清单日期", "positiveListTo"),
            Column.required("operatingStatus", "运营状态", "生产状态", "operatingStatus"),
            Column.optional("usccOverrideReason", "信用代码校验豁免理由", "usccOverrideReason"),
            Column.optional("objectKinds", "检查对象类型", "检查对象", "objectKinds"));

    @Inject
    RegionDirectory regions;

    @Override
    public String name() {
        return "检查对象名录库";
    }

    @Override
    public List<Column> columns() {
        return COLUMNS;
    }

    @Override
    public String keyColumn() {
        return "uscc";
    }

    @Override
    public TargetInput read(CellReader c) {
        return new TargetInput(c.text("regionCode"), c.text("name"), c.text("address"), c.text("township"),
                c.text("industry"), c.text("projectStatus"), c.list("pollutantTypes"), c.text("scale"),
                c.text("productionCycle"), c.choices("monitoringTypes", MonitoringType.class),
                c.choice("permitClass", PermitClass.class), c.bool("keyDischarger"),
                c.choice("creditRating", CreditRating.class), c.choice("weatherGrade", WeatherGrade.class),
                c.date("positiveListFrom"), c.date("positiveListTo"), c.choice("operatingStatus", OperatingStatus.class),
                c.text("usccOverrideReason"), null, c.choices("objectKinds", ObjectKind.class));
    }

    @Override
    public Checked<TargetData> check(String key, TargetInput input) {
        TargetRules.Checked checked = TargetRules.check(key, input, regions);
        return new Checked<>(checked.data(), checked.problems());
    }

    @Override
    public String regionOf(TargetData data) {
        return data.regionCode();
    }

    @Override
    public String keyOf(TargetData data) {
        return data.uscc();
    }

    @Override
    public List<String> write(TargetData d) {
        return java.util.Arrays.asList(d.uscc(), d.name(), d.regionCode(), d.address(), d.township(), d.industry(),
                d.projectStatus(), String.join("、", d.pollutantTypes()), d.scale(), d.productionCycle(),
                d.monitoringTypes().stream().map(MonitoringType::label).collect(Collectors.joining("、")),
                label(d.permitClass()), d.keyDischarger() ? "是" : "否", label(d.creditRating()), label(d.weatherGrade()),
                date(d.positiveListFrom()), date(d.positiveListTo()), label(d.operatingStatus()), d.usccOverrideReason(),
                d.objectKinds().stream().map(ObjectKind::label).collect(Collectors.joining("、")));
    }

    static String label(Labelled l) {
        return l == null ? null : l.label();
    }

    static String date(LocalDate d) {
        return Objects.toString(d, null);
    }
}
