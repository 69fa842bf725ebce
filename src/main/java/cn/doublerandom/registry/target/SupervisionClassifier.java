package cn.doublerandom.registry.target;

import cn.doublerandom.calendar.Quarter;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/**
 * The supervision class (监管类别) of a target for a quarter, with the reasons for it.
 *
 * <p>Special (特殊): credit C/D/E; a supervised listing active on the quarter's first day; a penalty or
 * a verified complaint dated in the previous quarter. General (一般): on the positive list on the
 * quarter's first day, or credit A; and everyone not key or special. Key (重点): on the
 * key-discharger list, or permit class 重点管理.
 *
 * <p>Precedence: the Shijiazhuang plan puts special and general conditions over key ones. It is silent
 * on special against general; by default special stands (a low credit rating or a recent penalty
 * outweighs the positive list), and {@code specialOverGeneral = false} reverses that.
 */
public final class SupervisionClassifier {

    private final boolean specialOverGeneral;

    public SupervisionClassifier(boolean specialOverGeneral) {
        this.specialOverGeneral = specialOverGeneral;
    }

    public record Classification(Quarter quarter, SupervisionClass supervisionClass, List<String> reasons) {
    }

    public Classification classify(TargetData t, List<TargetEvent> events, Quarter quarter) {
        LocalDate firstDay = quarter.firstDay();
        Quarter previous = quarter.previous();
        List<String> special = new ArrayList<>();
        List<String> general = new ArrayList<>();
        List<String> key = new ArrayList<>();
        if (t.creditRating() != null && t.creditRating().compareTo(CreditRating.C) >= 0) {
            special.add("环境信用等级 " + t.creditRating() + " (credit rating C-E)");
        }
        for (TargetEvent e : events) {
            if (e.retracted()) {
                continue;
            }
            switch (e.kind()) {
                case SUPERVISED_LISTING -> {
                    if (e.activeOn(firstDay)) {
                        special.add("挂牌督办 (" + e.listingLevel() + ") active on " + firstDay);
                    }
                }
                case PENALTY, VERIFIED_COMPLAINT -> {
                    if (previous.contains(e.eventDate())) {
                        special.add(e.kind().label() + " on " + e.eventDate() + " in " + previous);
                    }
                }
            }
        }
        if (t.onPositiveListOn(firstDay)) {
            general.add("正面清单 on " + firstDay + " (positive list)");
        }
        if (t.creditRating() == CreditRating.A) {
            general.add("环境信用等级 A (credit rating A)");
        }
        if (t.keyDischarger()) {
            key.add("重点排污单位名录 (key-discharger list)");
        }
        if (t.permitClass() == PermitClass.KEY) {
            key.add("排污许可重点管理 (permit class key)");
        }
        List<String> reasons = new ArrayList<>();
        SupervisionClass result;
        if (!special.isEmpty() && (specialOverGeneral || general.isEmpty())) {
            result = SupervisionClass.SPECIAL;
            reasons.addAll(special);
            general.forEach(g -> reasons.add("outweighed: " + g));
            key.forEach(k -> reasons.add("outweighed: " + k));
        } else if (!general.isEmpty()) {
            result = SupervisionClass.GENERAL;
            reasons.addAll(general);
            special.forEach(s -> reasons.add("outweighed: " + s));
            key.forEach(k -> reasons.add("outweighed: " + k));
        } else if (!key.isEmpty()) {
            result = SupervisionClass.KEY;
            reasons.addAll(key);
        } else {
            result = SupervisionClass.GENERAL;
            reasons.add("neither key nor special");
        }
        return new Classification(quarter, result, List.copyOf(reasons));
    }
}
