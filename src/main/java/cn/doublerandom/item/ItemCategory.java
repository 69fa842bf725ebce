package cn.doublerandom.item;

import cn.doublerandom.registry.Labelled;

/** 事项类别. */
public enum ItemCategory implements Labelled {
    GENERAL("一般检查事项"), KEY("重点检查事项");

    private final String label;

    ItemCategory(String label) {
        this.label = label;
    }

    @Override
    public String label() {
        return label;
    }
}
