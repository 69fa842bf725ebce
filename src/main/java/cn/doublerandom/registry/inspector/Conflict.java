package cn.doublerandom.registry.inspector;

/** A declared conflict of interest (回避, 行政处罚法 art. 43): the inspector is recused from this target. */
public record Conflict(String uscc, String reason) {
}
