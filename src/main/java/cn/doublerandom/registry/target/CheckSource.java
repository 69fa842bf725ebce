package cn.doublerandom.registry.target;

import cn.doublerandom.registry.FieldRules;
import cn.doublerandom.registry.Labelled;

import java.util.Arrays;

/**
 * A lead (问题线索) and its source: why a targeted (non-random) check was made, the plan's exceptions to random
 * inspection (seed 001, 三(三) and 二(五)), and why a randomly drawn target with the lead still open is visited
 * on site, unannounced.
 */
public enum CheckSource implements Labelled {
    COMPLAINT("投诉举报"),
    /** 领导交办: a leader's assignment, a code of its own beside transfers from above (seed 001 二（五）). */
    LEADER_ASSIGNED("领导交办"),
    ASSIGNED("上级部门转办交办"),
    REFERRAL("其他部门移送案件"),
    INCIDENT("突发环境事件"),
    NUCLEAR_SAFETY("核安全检查"),
    DATA_LEAD("数据分析或监测发现问题线索"),
    OTHER("其他");

    private final String label;

    CheckSource(String label) {
        this.label = label;
    }

    @Override
    public String label() {
        return label;
    }

    /**
     * The source a body names in {@code field} (its code or its Chinese label), or null with the field's problem
     * added: the lead register and the targeted checks read one field with one wording.
     */
    public static CheckSource parse(FieldRules f, String field, String text) {
        if (text == null || text.isBlank()) {
            f.fail(field, null, "is required: one of " + Arrays.toString(values()));
            return null;
        }
        CheckSource source = Labelled.parse(CheckSource.class, text).orElse(null);
        if (source == null) {
            f.fail(field, FieldRules.abbreviate(text), "is not a lead source: one of " + Arrays.toString(values()));
        }
        return source;
    }
}
