package cn.doublerandom.item;

import cn.doublerandom.registry.Labelled;

/**
 * 检查方式. The item list says 实地检查 where the plan's text says 现场检查: both are ON_SITE.
 * Technology (科技检查) is the non-site method.
 */
public enum InspectionMethod implements Labelled {
    ON_SITE("实地检查"), DOCUMENTARY("书面检查"), TECHNOLOGY("科技检查"),
    /** 委托具备资质的第三方机构: another method, like 书面检查 one the bureau must approve for a target (seed 001 二（五）). */
    THIRD_PARTY("委托第三方专业机构");

    private final String label;

    InspectionMethod(String label) {
        this.label = label;
    }

    @Override
    public String label() {
        return label;
    }
}
