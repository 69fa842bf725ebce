package cn.doublerandom.registry.target;

import cn.doublerandom.registry.Labelled;

/** 监管类别: the stratum a target is drawn in (DRAW-1 §2 writes them KEY, SPECIAL, GENERAL). */
public enum SupervisionClass implements Labelled {
    KEY("重点监管对象"), SPECIAL("特殊监管对象"), GENERAL("一般监管对象");

    private final String label;

    SupervisionClass(String label) {
        this.label = label;
    }

    @Override
    public String label() {
        return label;
    }
}
