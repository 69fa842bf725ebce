package cn.doublerandom.result;

/**
 * How the bureau handled what it found (查处情况, seed 004), the transfers a penalty decision may add
 * (to the police, to the judicial organs), and 无需处理 when nothing was found.
 */
public enum Handling {
    CASE_FILED("立案处罚"),
    REFERRED_FOR_PENALTY("移交当地环保部门立案处罚"),
    IMMEDIATE_CORRECTION("立行立改"),
    CORRECTION_DEADLINE("限期整改"),
    REFERRED_TO_GOVERNMENT("移交当地政府处理"),
    REFERRED("移交其他部门处理"),
    REFERRED_TO_POLICE("移送公安机关"),
    REFERRED_TO_JUDICIAL("移送司法机关"),
    NONE("无需处理");

    private final String label;

    Handling(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
