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
            Column.optional("objectKinds", "检查对象类型", "检查对象", "objectKinds"),
            // the inspection ledger's facts (seed 004, 附件3 and 附件4), under its headers too
            Column.optional("enterpriseType", "企业类型", "enterpriseType"),
            Column.optional("legalRepresentative", "法定代表人", "法人代表", "法定代表人（负责人）", "legalRepresentative"),
            Column.optional("longitude", "经度", "longitude"),
            Column.optional("latitude", "纬度", "latitude"),
            Column.optional("ultraLowEmission", "是否超低排放改造", "是否超低排放改造的企业", "超低排放改造", "ultraLowEmission"),
            Column.optional("selfAcceptedSince2019", "是否2019年以来自主验收", "是否2019年以来自主验收的企业项目(含涉VOCs新建项目)",
                    "是否2019年以来自主验收的企业项目", "自主验收", "selfAcceptedSince2019"),
            Column.optional("ledgerIndustry", "台账行业类别", "行业类别(从现有类型中选择)", "全企体检行业类别", "ledgerIndustry"));

    /** The Chinese header of a record field, as the registry's spreadsheet names it (the field itself when it has no column). */
    public static String header(String field) {
        return COLUMNS.stream().filter(c -> c.key().equals(field)).map(Column::header).findFirst().orElse(field);
    }

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
                c.text("usccOverrideReason"), null, c.choices("objectKinds", ObjectKind.class),
                c.choice("enterpriseType", EnterpriseType.class), c.text("legalRepresentative"), c.decimal("longitude"),
                c.decimal("latitude"), c.numberedYesNo("ultraLowEmission"), c.numberedYesNo("selfAcceptedSince2019"),
                ledgerIndustry(c));
    }

    private static LedgerIndustry ledgerIndustry(CellReader c) {
        String v = c.text("ledgerIndustry");
        if (v == null) {
            return null;
        }
        return LedgerIndustry.parse(v).orElseGet(() -> {
            c.fail("ledgerIndustry", v, "须为全企体检台账的22个行业类别之一：" + LedgerIndustry.options());
            return null;
        });
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
                d.objectKinds().stream().map(ObjectKind::label).collect(Collectors.joining("、")),
                label(d.enterpriseType()), d.legalRepresentative(), decimal(d.longitude()), decimal(d.latitude()),
                yesNo(d.ultraLowEmission()), yesNo(d.selfAcceptedSince2019()), label(d.ledgerIndustry()));
    }

    static String decimal(java.math.BigDecimal d) {
        return d == null ? null : d.toPlainString();
    }

    /** 是, 否, or blank when the bureau has not said. */
    public static String yesNo(Boolean b) {
        return b == null ? null : b ? "是" : "否";
    }

    static String label(Labelled l) {
        return l == null ? null : l.label();
    }

    static String date(LocalDate d) {
        return Objects.toString(d, null);
    }
}
