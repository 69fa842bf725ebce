package cn.doublerandom.report.accountability;

import io.smallrye.config.WithDefault;

/**
 * Read from {@code doublerandom.accountability.*} (see {@link cn.doublerandom.report.ReportConfig}).
 * The consequences of seed 004 by the number of firms an inspector's checks missed: 1 → 通报批评,
 * 2 → 调离执法岗位, 3 → 移交纪检 (驻局纪检组). Other bureaus set other thresholds.
 */
public interface AccountabilityPolicy {

    /** Firms from which an inspector is criticised in a circular (通报批评). */
    @WithDefault("1")
    int criticismAt();

    /** Firms from which an inspector is removed from enforcement posts (调离执法岗位). */
    @WithDefault("2")
    int removalAt();

    /** Firms from which the case goes to the discipline inspectors (移交纪检). */
    @WithDefault("3")
    int referralAt();
}
