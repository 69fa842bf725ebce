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

    /** What a target's class depends on in its registry row. */
    public record Inputs(CreditRating creditRating, boolean keyDischarger, PermitClass permitClass, LocalDate positiveListFrom,
                         LocalDate positiveListTo) {

        public static Inputs of(TargetData t) {
            return new Inputs(t.creditRating(), t.keyDischarger(), t.permitClass(), t.positiveListFrom(), t.positiveListTo());
        }
    }

    public Classification classify(TargetData t, List<TargetEvent> events, Quarter quarter) {
        LocalDate firstDay = quarter.firstDay();
        Quarter previous = quarter.previous();
        List<String> special = new ArrayList<>();
        List<String> general = new ArrayList<>();
        List<String> key = new ArrayList<>();
        if (lowCredit(t.creditRating())) {
            special.add("环境信用等级 " + t.creditRating() + " (credit rating C-E)");
        }
        for (TargetEvent e : events) {
            if (makesSpecial(e, quarter)) {
                special.add(e.kind() == TargetEventKind.SUPERVISED_LISTING
                        ? "挂牌督办 (" + e.listingLevel() + ") active on " + firstDay
                        : e.kind().label() + " on " + e.eventDate() + " in " + previous);
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
        SupervisionClass result = decide(!special.isEmpty(), !general.isEmpty(), !key.isEmpty());
        List<String> reasons = new ArrayList<>();
        switch (result) {
            case SPECIAL -> {
                reasons.addAll(special);
                general.forEach(g -> reasons.add("outweighed: " + g));
                key.forEach(k -> reasons.add("outweighed: " + k));
            }
            case GENERAL -> {
                if (general.isEmpty()) {
                    reasons.add("neither key nor special");
                } else {
                    reasons.addAll(general);
                    special.forEach(x -> reasons.add("outweighed: " + x));
                    key.forEach(k -> reasons.add("outweighed: " + k));
                }
            }
            default -> reasons.addAll(key);
        }
        return new Classification(quarter, result, List.copyOf(reasons));
    }

    /**
     * The class alone, without its reasons: the same rule as {@link #classify}, for a draw's pool of up
     * to a million targets, where building the reasons' texts would cost more than reading the rows.
     */
    public SupervisionClass classOf(Inputs t, List<TargetEvent> events, Quarter quarter) {
        boolean special = lowCredit(t.creditRating());
        for (int i = 0; !special && i < events.size(); i++) {
            special = makesSpecial(events.get(i), quarter);
        }
        boolean general = TargetData.onPositiveList(t.positiveListFrom(), t.positiveListTo(), quarter.firstDay())
                || t.creditRating() == CreditRating.A;
        boolean key = t.keyDischarger() || t.permitClass() == PermitClass.KEY;
        return decide(special, general, key);
    }

    private static boolean lowCredit(CreditRating rating) {
        return rating != null && rating.compareTo(CreditRating.C) >= 0;
    }

    /** A listing active on the quarter's first day, or a penalty or verified complaint dated in the previous quarter. */
    private static boolean makesSpecial(TargetEvent e, Quarter quarter) {
        if (e.retracted()) {
            return false;
        }
        return switch (e.kind()) {
            case SUPERVISED_LISTING -> e.activeOn(quarter.firstDay());
            case PENALTY, VERIFIED_COMPLAINT -> quarter.previous().contains(e.eventDate());
        };
    }

    /** The precedence of the class comment. */
    private SupervisionClass decide(boolean special, boolean general, boolean key) {
        if (special && (specialOverGeneral || !general)) {
            return SupervisionClass.SPECIAL;
        }
        if (general) {
            return SupervisionClass.GENERAL;
        }
        return key ? SupervisionClass.KEY : SupervisionClass.GENERAL;
    }
}
