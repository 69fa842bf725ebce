package cn.doublerandom.registry.target;

import cn.doublerandom.calendar.Quarter;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** The pool's fast path (class without reasons) and the explained classification are one rule. */
class ClassOfPropertyTest {

    private static final Quarter Q3 = Quarter.parse("2026Q3");

    @Property(seed = "20261124", tries = 2000)
    void classOfAgreesWithClassify(@ForAll @IntRange(min = 0, max = Integer.MAX_VALUE - 1) int seed,
                                   @ForAll boolean specialOverGeneral) {
        Random r = new Random(seed);
        CreditRating[] ratings = CreditRating.values();
        PermitClass[] permits = PermitClass.values();
        LocalDate from = r.nextInt(3) == 0 ? null : Q3.firstDay().plusDays(r.nextInt(11) - 5);
        LocalDate to = r.nextBoolean() ? null : Q3.firstDay().plusDays(r.nextInt(11) - 5);
        TargetData t = new TargetData("91130123AAAAAAAAA0", "130123", "甲公司", null, null, null, null, List.of(), null, null,
                List.of(), r.nextInt(4) == 0 ? null : permits[r.nextInt(permits.length)], r.nextBoolean(),
                r.nextInt(4) == 0 ? null : ratings[r.nextInt(ratings.length)], null, from, to, OperatingStatus.PRODUCING, null, List.of());
        List<TargetEvent> events = new ArrayList<>();
        for (int i = r.nextInt(3); i > 0; i--) {
            TargetEventKind kind = TargetEventKind.values()[r.nextInt(TargetEventKind.values().length)];
            LocalDate date = Q3.firstDay().plusDays(r.nextInt(240) - 180);
            LocalDate end = kind == TargetEventKind.SUPERVISED_LISTING && r.nextBoolean() ? date.plusDays(r.nextInt(200)) : null;
            events.add(new TargetEvent(i, t.uscc(), kind, date, end,
                    kind == TargetEventKind.SUPERVISED_LISTING ? TargetEvent.ListingLevel.PROVINCE : null, null, null,
                    Instant.EPOCH, "t", r.nextInt(5) == 0 ? new TargetEvent.Retraction("entered twice", Instant.EPOCH, "t") : null));
        }
        SupervisionClassifier classifier = new SupervisionClassifier(specialOverGeneral);
        assertEquals(classifier.classify(t, events, Q3).supervisionClass(),
                classifier.classOf(SupervisionClassifier.Inputs.of(t), events, Q3));
    }
}
