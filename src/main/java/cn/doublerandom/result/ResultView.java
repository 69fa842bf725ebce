package cn.doublerandom.result;

import com.fasterxml.jackson.annotation.JsonInclude;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/**
 * A result as the bureau sees it: the fixed part, its publication state, and every version (the
 * latest first is {@code current}).
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record ResultView(String id, String drawId, String uscc, String enterpriseName, String authority, String regionCode,
                         String quarter, boolean confidential, String confidentialReason, Instant recordedAt,
                         String recordedBy, Publication publication, Version current, List<Version> versions) {

    /**
     * One version: as recorded, or a correction with its reason. {@code items} are the outcomes per item
     * of the draw, in the draw's item order; {@code wording} is the visit's summary (the first item
     * wording other than NO_PROBLEM 未发现问题, else NO_PROBLEM).
     */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Version(int version, LocalDate inspectionDate, LocalDate determinationDate, String wording,
                          String wordingText, List<ItemResult> items, List<FindingView> problems, List<HandlingView> handling,
                          boolean violationFound, boolean nonSite, List<String> team, String correctionReason,
                          Instant recordedAt, String recordedBy, Instant publishedAt, Boolean onTime) {
    }

    /** The outcome of one item (检查事项 / 检查结果): the item as named when recorded, the wording code and its text. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record ItemResult(long itemId, String itemName, String subItem, String wording, String wordingText) {
    }

    public record FindingView(String type, String typeLabel, String description) {
    }

    public record HandlingView(String code, String label) {
    }

    /**
     * Where the current version stands: WITHHELD (confidential), HELD (by the bureau, with the reason),
     * PUBLISHABLE (the next job run publishes it) or PUBLISHED; the deadline (null while PENDING: the
     * calendar lacks {@code missingYear}); overdue once its deadline day has ended unpublished.
     */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Publication(String state, String holdReason, LocalDate deadline, String deadlineState,
                              Integer missingYear, boolean overdue, Instant publishedAt, Boolean onTime) {
    }
}
