package cn.doublerandom.report.scoring;

/** Which way an indicator ranks: more is better (检查企业家次), or fewer is better (正面清单企业现场检查). */
public enum Direction {
    MORE_IS_BETTER("越多越好"),
    FEWER_IS_BETTER("越少越好");

    private final String label;

    Direction(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
