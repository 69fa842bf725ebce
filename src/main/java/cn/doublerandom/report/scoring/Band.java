package cn.doublerandom.report.scoring;

import java.math.BigDecimal;

/**
 * One step of an indicator's scoring. By rank: ranks up to {@code bound} (a whole number) score
 * {@code points}. By threshold: a figure of at least {@code bound} (more is better) or at most
 * {@code bound} (fewer is better) scores {@code points}. A unit scores the first step it reaches,
 * the best step first; one reaching none scores 0.
 */
public record Band(BigDecimal bound, BigDecimal points) {
}
