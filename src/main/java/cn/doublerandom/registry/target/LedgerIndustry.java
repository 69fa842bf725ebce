package cn.doublerandom.registry.target;

import cn.doublerandom.registry.Labelled;

import java.util.Arrays;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * 行业类别 of the Hengshui "全企体检" ledger (seed 004, 附件4: 22 options, "从现有类型中选择"), kept beside
 * the national industry text ({@code industry}), which this list does not replace. Bureaus write an
 * option as its number, its words, or both ("13. 化工").
 */
public enum LedgerIndustry implements Labelled {
    STEEL("钢铁"),
    COKING("焦化"),
    CEMENT("水泥"),
    GLASS("玻璃"),
    POWER("电力"),
    PETROCHEMICAL("石化"),
    CARBON("碳素"),
    PHARMACEUTICAL("制药"),
    WASTE_INCINERATION("垃圾焚烧"),
    NEW_BUILDING_MATERIALS("新型建材"),
    FOUNDRY("铸造"),
    FERTILISER("化肥"),
    CHEMICAL("化工"),
    PESTICIDE("农药"),
    LEATHER("皮革"),
    RUBBER("橡胶"),
    PLASTICS("塑料"),
    INDUSTRIAL_COATING("工业涂装"),
    PACKAGING_PRINTING("包装印刷"),
    CONSTRUCTION_SITE("建筑施工工地"),
    MATERIAL_YARD("建筑、工业物料堆场"),
    OTHER("其他具体行业");

    private static final Pattern NUMBERED = Pattern.compile("(\\d{1,2})\\s*[.、．]?\\s*(.*)");

    private final String label;

    LedgerIndustry(String label) {
        this.label = label;
    }

    @Override
    public String label() {
        return label;
    }

    /** The option's number on the form, 1 to 22. */
    public int number() {
        return ordinal() + 1;
    }

    /** The option whose code, words, number, or number with its words is {@code text}. */
    public static Optional<LedgerIndustry> parse(String text) {
        if (text == null) {
            return Optional.empty();
        }
        Optional<LedgerIndustry> byName = Labelled.parse(LedgerIndustry.class, text);
        if (byName.isPresent()) {
            return byName;
        }
        Matcher m = NUMBERED.matcher(text.strip());
        if (!m.matches()) {
            return Optional.empty();
        }
        int n = Integer.parseInt(m.group(1));
        if (n < 1 || n > values().length) {
            return Optional.empty();
        }
        LedgerIndustry option = values()[n - 1];
        String words = m.group(2).strip();
        return words.isEmpty() || words.equals(option.label) ? Optional.of(option) : Optional.empty();
    }

    /** The options as the form lists them: "1. 钢铁 2. 焦化 …". */
    public static String options() {
        return String.join(" ", Arrays.stream(values()).map(v -> v.number() + ". " + v.label).toList());
    }
}
