package cn.doublerandom.registry.target;

import cn.doublerandom.registry.Labelled;

/** Non-site monitoring a target has: 在线监测, 分表计电 (electricity sub-metering), 视频监控. */
public enum MonitoringType implements Labelled {
    ONLINE("在线监测"), SUB_METERING("分表计电"), VIDEO("视频监控");

    private final String label;

    MonitoringType(String label) {
        this.label = label;
    }

    @Override
    public String label() {
        return label;
    }
}
