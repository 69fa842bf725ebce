package cn.doublerandom.result.followup;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

/**
 * A penalty decision (行政处罚决定) on a result, or its correction (then {@code caseNumber} is left
 * out and {@code reason} is required). {@code amount} in yuan, two decimals at most; {@code discretion}
 * NO_PENALTY 不予处罚, LIGHTER 从轻, STANDARD 一般 or HEAVIER 从重, each but STANDARD with its
 * {@code discretionReason}; {@code transfers} are handling codes (移送): REFERRED, REFERRED_TO_GOVERNMENT,
 * REFERRED_FOR_PENALTY, REFERRED_TO_POLICE, REFERRED_TO_JUDICIAL.
 */
public record PenaltyInput(String caseNumber, LocalDate decisionDate, BigDecimal amount,
                           @Schema(enumeration = {"NO_PENALTY", "LIGHTER", "STANDARD", "HEAVIER"}) String discretion,
                           String discretionReason, List<String> transfers, String reason) {
}
