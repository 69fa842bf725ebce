package cn.doublerandom.registry.target;

import cn.doublerandom.registry.Labelled;

/**
 * 企业类型 of the inspection ledger (seed 004 names the column, not its options): the registration types
 * of the statistics bureau's 企业登记注册类型, with 个体工商户 beside them, since small workshops are inspected too.
 */
public enum EnterpriseType implements Labelled {
    STATE_OWNED("国有企业"),
    COLLECTIVE("集体企业"),
    JOINT_STOCK_COOPERATIVE("股份合作企业"),
    JOINT_OPERATION("联营企业"),
    LIMITED_LIABILITY("有限责任公司"),
    JOINT_STOCK("股份有限公司"),
    PRIVATE("私营企业"),
    HK_MACAO_TAIWAN("港、澳、台商投资企业"),
    FOREIGN("外商投资企业"),
    INDIVIDUAL("个体工商户"),
    OTHER("其他");

    private final String label;

    EnterpriseType(String label) {
        this.label = label;
    }

    @Override
    public String label() {
        return label;
    }
}
