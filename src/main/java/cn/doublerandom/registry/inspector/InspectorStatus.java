package cn.doublerandom.registry.inspector;

import cn.doublerandom.registry.Labelled;

/** 在岗 active, 休假 on leave, 借调 seconded, 离职 left: only active inspectors enter a draw. */
public enum InspectorStatus implements Labelled {
    ACTIVE("在岗"), ON_LEAVE("休假"), SECONDED("借调"), LEFT("离职");

    private final String label;

    InspectorStatus(String label) {
        this.label = label;
    }

    @Override
    public String label() {
        return label;
    }
}
