package cn.doublerandom.registry.target;

import cn.doublerandom.registry.Labelled;

/** 环境信用等级 A–E: A puts a target in the general class, C–E in the special class. */
public enum CreditRating implements Labelled {
    A, B, C, D, E;

    @Override
    public String label() {
        return name();
    }
}
