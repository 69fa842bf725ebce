package cn.doublerandom.draw.engine;

/** A stratum whose pool held fewer targets than its quota (DRAW-1 §2): the whole pool was selected. */
public record QuotaShortfall(Stratum stratum, int requested, int selected) {
}
