package cn.doublerandom.registry.target;

import cn.doublerandom.registry.Labelled;

/** 排污许可管理类别: the pollutant-permit class. */
public enum PermitClass implements Labelled {
    KEY("重点管理"), SIMPLIFIED("简化管理"), REGISTRATION("登记管理");

    private final String label;

    PermitClass(String label) {
        this.label = label;
    }

    @Override
    public String label() {
        return label;
    }
}
