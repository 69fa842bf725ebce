package cn.doublerandom.region;

/**
 * An administrative region (行政区划) by its 6-digit GB/T 2260 code, or the statistical code of a
 * development zone (e.g. 130171 高新区). {@code parentCode} is null for a province.
 */
public record Region(String code, String name, RegionLevel level, String parentCode) {
}
