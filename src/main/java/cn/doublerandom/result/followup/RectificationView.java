package cn.doublerandom.result.followup;

import org.eclipse.microprofile.openapi.annotations.media.Schema;
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
                                String problemDescription,
                                @Schema(enumeration = {"IN_PROGRESS", "OVERDUE", "RECTIFIED"}) String status, String statusLabel, boolean overdue,
                                boolean closed, Version current, List<Version> versions, List<Check> checks,
                                Instant recordedAt, String recordedBy) {

    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Version(int version, String requirement, LocalDate deadline, String responsiblePerson,
                          @Schema(enumeration = {"IN_PROGRESS", "RECTIFIED"}) String status,
                          LocalDate rectifiedOn, String changeReason, Instant recordedAt, String recordedBy) {
    }

    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Check(long id, @Schema(enumeration = {"RECHECK", "LOOK_BACK"}) String kind, String kindLabel, LocalDate checkDate, List<String> team,
                        @Schema(enumeration = {"CONFIRMED", "NOT_RECTIFIED"}) String outcome,
                        String outcomeLabel, String findings, Instant recordedAt, String recordedBy) {
    }
}
