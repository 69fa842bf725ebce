package cn.doublerandom.portal;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonInclude;

import java.time.Instant;
import java.time.LocalDate;

/**
 * A published result as the national credit portal shows it: inspecting authority, inspection type,
 * date, result, enterprise name and USCC, plan and task. No inspector data. A correction is its own
 * entry (version &gt; 1, with its reason); the earlier version stays published. {@code seq} is the
 * publication order (the list's keyset cursor), not shown.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record PublicResult(String id, int version, String authority, String authorityName, String regionCode,
                           String inspectionType, LocalDate inspectionDate, String result, String resultText,
                           String enterpriseName, String uscc, String planName, String taskId, String correctionReason,
                           LocalDate publishedDate, Instant publishedAt,
                           @JsonIgnore long seq) {
}
