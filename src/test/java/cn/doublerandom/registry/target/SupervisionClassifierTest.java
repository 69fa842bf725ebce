package cn.doublerandom.registry.target;

import cn.doublerandom.calendar.Quarter;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class SupervisionClassifierTest {

    private static final Quarter Q3 = Quarter.parse("2026Q3");
    private final SupervisionClassifier classifier = new SupervisionClassifier(true);

    private static TargetData target(PermitClass permit, boolean keyList, CreditRating credit, LocalDate positiveFrom,
                                     LocalDate positiveTo) {
        return new TargetData("91130123AAAAAAAAA0", "130123", "甲公司", null, null, null, null, List.of(), null, null,
                List.of(), permit, keyList, credit, null, positiveFrom, positiveTo, OperatingStatus.PRODUCING, null, List.of());
    }

    private static TargetEvent event(TargetEventKind kind, LocalDate date, LocalDate end, boolean retracted) {
        return new TargetEvent(1, "91130123AAAAAAAAA0", kind, date, end,
                kind == TargetEventKind.SUPERVISED_LISTING ? TargetEvent.ListingLevel.PROVINCE : null, null, null,
                Instant.EPOCH, "t", retracted ? new TargetEvent.Retraction("entered twice", Instant.EPOCH, "t") : null);
    }

    @Test
    void keyDischargerOrKeyPermitIsKey() {
        assertEquals(SupervisionClass.KEY, classifier.classify(target(PermitClass.KEY, false, CreditRating.B, null, null), List.of(), Q3).supervisionClass());
        assertEquals(SupervisionClass.KEY, classifier.classify(target(PermitClass.SIMPLIFIED, true, null, null, null), List.of(), Q3).supervisionClass());
    }

    @Test
    void nothingSpecialIsGeneral() {
        var c = classifier.classify(target(PermitClass.REGISTRATION, false, CreditRating.B, null, null), List.of(), Q3);
        assertEquals(SupervisionClass.GENERAL, c.supervisionClass());
        assertEquals(List.of("neither key nor special"), c.reasons());
    }

    @Test
    void positiveListOrCreditAOutweighsKey() {
        var onList = classifier.classify(target(PermitClass.KEY, true, CreditRating.B, LocalDate.of(2026, 1, 1), null), List.of(), Q3);
        assertEquals(SupervisionClass.GENERAL, onList.supervisionClass());
        assertTrue(onList.reasons().stream().anyMatch(r -> r.startsWith("outweighed: 重点排污单位名录")));
        assertEquals(SupervisionClass.GENERAL,
                classifier.classify(target(PermitClass.KEY, true, CreditRating.A, null, null), List.of(), Q3).supervisionClass());
    }

    @Test
    void positiveListCountsOnlyWhenActiveOnTheQuartersFirstDay() {
        // left the list on 30 June: not on it on 1 July
        var left = classifier.classify(target(PermitClass.KEY, false, null, LocalDate.of(2025, 1, 1), LocalDate.of(2026, 6, 30)), List.of(), Q3);
        assertEquals(SupervisionClass.KEY, left.supervisionClass());
        // joins on 2 July: not yet on it on 1 July
        var later = classifier.classify(target(PermitClass.KEY, false, null, LocalDate.of(2026, 7, 2), null), List.of(), Q3);
        assertEquals(SupervisionClass.KEY, later.supervisionClass());
    }

    @Test
    void lowCreditIsSpecialAndByDefaultOutweighsThePositiveList() {
        var c = classifier.classify(target(PermitClass.KEY, true, CreditRating.D, LocalDate.of(2026, 1, 1), null), List.of(), Q3);
        assertEquals(SupervisionClass.SPECIAL, c.supervisionClass());
        var reversed = new SupervisionClassifier(false)
                .classify(target(PermitClass.KEY, true, CreditRating.D, LocalDate.of(2026, 1, 1), null), List.of(), Q3);
        assertEquals(SupervisionClass.GENERAL, reversed.supervisionClass());
    }

    @Test
    void penaltyOrComplaintDatedInThePreviousQuarterIsSpecial() {
        TargetData plain = target(PermitClass.KEY, false, CreditRating.B, null, null);
        assertEquals(SupervisionClass.SPECIAL, classifier.classify(plain,
                List.of(event(TargetEventKind.PENALTY, LocalDate.of(2026, 4, 1), null, false)), Q3).supervisionClass());
        assertEquals(SupervisionClass.SPECIAL, classifier.classify(plain,
                List.of(event(TargetEventKind.VERIFIED_COMPLAINT, LocalDate.of(2026, 6, 30), null, false)), Q3).supervisionClass());
        // two quarters back, or in the quarter itself: not "the previous quarter"
        assertEquals(SupervisionClass.KEY, classifier.classify(plain,
                List.of(event(TargetEventKind.PENALTY, LocalDate.of(2026, 3, 31), null, false),
                        event(TargetEventKind.PENALTY, LocalDate.of(2026, 7, 1), null, false)), Q3).supervisionClass());
        // the previous quarter of Q1 is the last quarter of the year before
        assertEquals(SupervisionClass.SPECIAL, classifier.classify(plain,
                List.of(event(TargetEventKind.PENALTY, LocalDate.of(2025, 12, 31), null, false)), Quarter.parse("2026Q1")).supervisionClass());
    }

    @Test
    void retractedEventsDoNotCount() {
        TargetData plain = target(PermitClass.REGISTRATION, false, CreditRating.B, null, null);
        assertEquals(SupervisionClass.GENERAL, classifier.classify(plain,
                List.of(event(TargetEventKind.PENALTY, LocalDate.of(2026, 5, 5), null, true)), Q3).supervisionClass());
    }

    @Test
    void supervisedListingActiveOnTheFirstDayIsSpecial() {
        TargetData plain = target(PermitClass.REGISTRATION, false, CreditRating.B, null, null);
        assertEquals(SupervisionClass.SPECIAL, classifier.classify(plain,
                List.of(event(TargetEventKind.SUPERVISED_LISTING, LocalDate.of(2026, 3, 1), LocalDate.of(2026, 7, 1), false)), Q3).supervisionClass());
        assertEquals(SupervisionClass.GENERAL, classifier.classify(plain,
                List.of(event(TargetEventKind.SUPERVISED_LISTING, LocalDate.of(2026, 3, 1), LocalDate.of(2026, 6, 30), false)), Q3).supervisionClass());
    }
}
