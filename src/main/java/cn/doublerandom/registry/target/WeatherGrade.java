package cn.doublerandom.registry.target;

import cn.doublerandom.registry.Labelled;

/** 重污染天气绩效分级 A/B/C/D. */
public enum WeatherGrade implements Labelled {
    A, B, C, D;

    @Override
    public String label() {
        return name();
    }
}
