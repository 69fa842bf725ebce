package cn.doublerandom.report.scoring;

/**
 * How an indicator turns a unit's figure into points: by its rank among the assessed units (名次计分:
 * "前3名得4分，4–8名得3分"), or by the figure itself against thresholds (阈值计分: "持证率100%得1分，
 * 大于80%得0.5分").
 */
public enum Method {
    RANK("按名次计分"),
    THRESHOLD("按阈值计分");

    private final String label;

    Method(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
