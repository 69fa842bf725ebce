package cn.doublerandom.result.followup;

import com.fasterxml.jackson.annotation.JsonInclude;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/** A penalty decision with every version (the latest is {@code current}). */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record PenaltyView(String id, String resultId, String caseNumber, Version current, List<Version> versions,
                          Instant recordedAt, String recordedBy) {

    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Version(int version, LocalDate decisionDate, BigDecimal amount, String discretion, String discretionLabel,
                          String discretionReason, List<Transfer> transfers, String changeReason, Instant recordedAt,
                          String recordedBy) {
    }

    public record Transfer(String code, String label) {
    }
}
