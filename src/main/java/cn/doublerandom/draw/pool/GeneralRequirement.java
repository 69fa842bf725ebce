package cn.doublerandom.draw.pool;

/**
 * The general class's yearly requirement (一般监管对象 1:10 per enforcement officer) and what is left
 * of it: the officers it is counted on, the yearly figure, what earlier draws of the year selected, and
 * the quarters it is spread over, this one included.
 */
public record GeneralRequirement(long officers, int yearlyRequirement, long selectedEarlierThisYear, int quartersLeft) {
}
