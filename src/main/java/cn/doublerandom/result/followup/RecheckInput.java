package cn.doublerandom.result.followup;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.time.LocalDate;
import java.util.List;

/**
 * A re-check of a rectification: {@code kind} RECHECK (复查) or LOOK_BACK (回头看), its date, the
 * inspectors who went (two or more codes of the authority's inspectors), the outcome CONFIRMED
 * (整改到位: the rectification is closed) or NOT_RECTIFIED (未整改到位: back to 整改中, with a new
 * {@code deadline}), and what was found.
 */
public record RecheckInput(@Schema(enumeration = {"RECHECK", "LOOK_BACK"}) String kind, LocalDate checkDate, List<String> team,
                           @Schema(enumeration = {"CONFIRMED", "NOT_RECTIFIED"}) String outcome, String findings,
                           LocalDate deadline) {
}
