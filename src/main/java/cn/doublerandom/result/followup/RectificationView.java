package cn.doublerandom.result.followup;

import com.fasterxml.jackson.annotation.JsonInclude;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/**
 * A rectification with every version and re-check. {@code status} is IN_PROGRESS 整改中, OVERDUE
 * 逾期未整改 (in progress past its deadline day, by the service's clock) or RECTIFIED 已整改;
 * {@code closed} once the latest re-check confirmed it (销号).
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record RectificationView(String id, String resultId, String authority, String uscc, String enterpriseName,
                                int resultVersion, int problemIndex, String problemType, String problemTypeLabel,
                                String problemDescription, String status, String statusLabel, boolean overdue,
                                boolean closed, Version current, List<Version> versions, List<Check> checks,
                                Instant recordedAt, String recordedBy) {

    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Version(int version, String requirement, LocalDate deadline, String responsiblePerson, String status,
                          LocalDate rectifiedOn, String changeReason, Instant recordedAt, String recordedBy) {
    }

    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Check(long id, String kind, String kindLabel, LocalDate checkDate, List<String> team, String outcome,
                        String outcomeLabel, String findings, Instant recordedAt, String recordedBy) {
    }
}
