package cn.doublerandom.draw.engine;

/** A selected target (DRAW-1 §2): its stratum, USCC, 1-based rank within the stratum and §1 ticket. */
public record SelectedTarget(Stratum stratum, String uscc, int rank, String ticket) {
}
