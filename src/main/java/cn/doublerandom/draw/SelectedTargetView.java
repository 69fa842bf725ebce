package cn.doublerandom.draw;

import java.util.List;

/**
 * A selected target of an executed draw: its stratum, rank and ticket (DRAW-1 §2), its team, and the
 * method of its one visit for all the draw's items (进一次门、办多项事): TECHNOLOGY (科技检查, non-site)
 * or ON_SITE (现场, unannounced, 四不两直).
 */
public record SelectedTargetView(int position, String uscc, String name, String regionCode, String stratum, int rank,
                                 String ticket, List<String> team, boolean relaxed, String method) {
}
