package cn.doublerandom.draw;

import cn.doublerandom.item.InspectionMethod;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.util.List;

/**
 * A selected target of an executed draw: its stratum, rank and ticket (DRAW-1 §2), its team, the method of
 * its one visit (进一次门、查多项事): TECHNOLOGY (科技检查, non-site), ON_SITE (现场, unannounced, 四不两直), or an approved DOCUMENTARY or THIRD_PARTY,
 * and {@code items}, exactly the draw's items that apply to it, each with its own method and why. A draw
 * executed before visits were planned per item has no {@code items}: its visit covers every item of the draw.
 */
public record SelectedTargetView(int position, String uscc, String name, String regionCode, String stratum, int rank,
                                 String ticket, List<String> team, boolean relaxed,
                                 @Schema(implementation = InspectionMethod.class) String method, List<VisitItem> items) {

    /**
     * An item of the visit: {@code method} ON_SITE (实地检查), TECHNOLOGY (科技检查), DOCUMENTARY (书面检查) or THIRD_PARTY (委托第三方专业机构), the last two approved;
     * {@code unannounced} 四不两直; {@code ground} why, with its Chinese {@code groundLabel}.
     */
    public record VisitItem(long itemId, String name, String subItem,
                            @Schema(enumeration = {"ON_SITE", "DOCUMENTARY", "TECHNOLOGY", "THIRD_PARTY"}) String method, String methodLabel,
                            boolean unannounced,
                            @Schema(enumeration = {"OPEN_LEAD", "NON_SITE_QUALIFIED", "ITEM_NEEDS_SITE", "FACILITIES_INCOMPLETE",
                                    "APPROVED"}) String ground, String groundLabel) {
    }
}
