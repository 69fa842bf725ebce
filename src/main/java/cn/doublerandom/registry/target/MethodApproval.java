package cn.doublerandom.registry.target;

import cn.doublerandom.item.InspectionMethod;
import com.fasterxml.jackson.annotation.JsonInclude;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.time.Instant;
import java.time.LocalDate;

/**
 * The bureau's recorded approval (批准) of another inspection method for a target: 书面检查 or a qualified third
 * party (seed 001 二（五））, for one item ({@code itemId}) or every item (absent), valid from {@code validFrom}
 * to {@code validTo} inclusive, until withdrawn. {@code authority} is the approving bureau's region: its own
 * draws plan the method for the approved items, unless a lead is open or the target's non-site facilities are
 * incomplete (then on site, unannounced).
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record MethodApproval(long id, String uscc, String authority, Long itemId,
                             @Schema(enumeration = {"DOCUMENTARY", "THIRD_PARTY"}) InspectionMethod method,
                             String methodLabel, String reason, String reference, LocalDate validFrom, LocalDate validTo,
                             Instant approvedAt, String approvedBy, Withdrawal withdrawal) {

    /** When and why the approval was withdrawn (撤回): not valid from {@code withdrawnOn} on. */
    @Schema(name = "MethodApprovalWithdrawal")
    public record Withdrawal(LocalDate withdrawnOn, String reason, Instant recordedAt, String recordedBy) {
    }

    /** Its last valid day: {@code validTo}, or the day before it was withdrawn if that comes first. */
    public LocalDate lastValidDay() {
        return withdrawal == null || withdrawal.withdrawnOn().isAfter(validTo) ? validTo : withdrawal.withdrawnOn().minusDays(1);
    }

    /** Valid on {@code day}: within its days and not withdrawn on or before it. */
    public boolean validOn(LocalDate day) {
        return !validFrom.isAfter(day) && !lastValidDay().isBefore(day);
    }
}
