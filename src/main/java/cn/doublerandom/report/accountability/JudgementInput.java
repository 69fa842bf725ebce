package cn.doublerandom.report.accountability;

/**
 * A judgement that the violation found by the later check should have been found by the earlier one
 * (R… result or C… targeted check ids), with the reviewer's reason.
 */
public record JudgementInput(String earlierId, String laterId, String reason) {
}
