package cn.doublerandom.report.scoring;

import java.util.List;

/**
 * One scored figure of a category (考核指标): the figure's key (as the assessment names it, e.g.
 * {@code violationRate}), its direction and how it scores.
 */
public record Indicator(String figure, Direction direction, Method method, List<Band> bands) {

    public Indicator {
        bands = bands == null ? null : java.util.Collections.unmodifiableList(new java.util.ArrayList<>(bands));
    }
}
