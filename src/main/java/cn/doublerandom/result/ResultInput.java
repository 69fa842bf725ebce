package cn.doublerandom.result;

import java.time.LocalDate;
import java.util.List;

/**
 * A result as the bureau records it (or corrects it: then drawId, uscc and the confidential flag are
 * ignored and {@code reason} is required). The outcome of the visit is one wording per item of the
 * draw: {@code items}, each item of the draw exactly once; or, as shorthand for "every item the
 * same", {@code wording} alone (not both). Wording codes are those of the target region's vocabulary
 * ({@code GET /public/v1/wordings?region=}); problem and handling codes: {@link FindingType},
 * {@link Handling}; {@code team} are inspector codes of the target's team in force.
 */
public record ResultInput(String drawId, String uscc, LocalDate inspectionDate, LocalDate determinationDate,
                          String wording, List<ItemOutcome> items, List<Finding> problems, List<String> handling,
                          Boolean violationFound, Boolean nonSite, List<String> team, Boolean confidential,
                          String confidentialReason, String reason) {

    /**
     * A problem found: its type code and what was seen; {@code violation}: whether it is a violation
     * (违法问题), never true when the result's violationFound is false; {@code nonSite}: whether non-site
     * means found it (omitted: as the check was done). A result with violationFound and no problem
     * marked as a violation counts one violation, as results recorded before the flag do.
     */
    public record Finding(String type, String description, Boolean violation, Boolean nonSite) {
    }

    /** The outcome of one item of the draw (检查事项): its id and the wording code. */
    public record ItemOutcome(Long itemId, String wording) {
    }
}
