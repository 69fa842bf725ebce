package cn.doublerandom.result;

import java.time.LocalDate;
import java.util.List;

/**
 * A result as the bureau records it (or corrects it: then drawId, uscc and the confidential flag are
 * ignored and {@code reason} is required). Codes: {@link ResultWording}, {@link FindingType},
 * {@link Handling}; {@code team} are inspector codes of the target's team in force.
 */
public record ResultInput(String drawId, String uscc, LocalDate inspectionDate, LocalDate determinationDate,
                          String wording, List<Finding> problems, List<String> handling, Boolean violationFound,
                          Boolean nonSite, List<String> team, Boolean confidential, String confidentialReason,
                          String reason) {

    /** A problem found: its type code and what was seen. */
    public record Finding(String type, String description) {
    }
}
