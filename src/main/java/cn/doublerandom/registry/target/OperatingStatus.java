package cn.doublerandom.registry.target;

import cn.doublerandom.registry.Labelled;

/** 运营状态: only producing targets enter a draw's pool. */
public enum OperatingStatus implements Labelled {
    PRODUCING("生产"), HALTED("停产"), CLOSED("关闭");

    private final String label;

    OperatingStatus(String label) {
        this.label = label;
    }

    @Override
    public String label() {
        return label;
    }
}
