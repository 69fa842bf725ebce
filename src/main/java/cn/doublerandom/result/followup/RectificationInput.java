package cn.doublerandom.result.followup;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.time.LocalDate;

/**
 * A rectification (整改) as the bureau orders it, or a later version of it. Ordering: the problem's
 * index in the result's current version ({@code problemIndex}, 0-based), the requirement (整改要求),
 * the deadline (整改时限) and the enterprise's responsible person (责任人). A later version gives the
 * status ({@code IN_PROGRESS} 整改中 or {@code RECTIFIED} 已整改 with {@code rectifiedOn}) and a
 * {@code reason}; the fields it leaves out stay as they were.
 */
public record RectificationInput(Integer problemIndex, String requirement, LocalDate deadline, String responsiblePerson,
                                 @Schema(enumeration = {"IN_PROGRESS", "RECTIFIED"}) String status, LocalDate rectifiedOn, String reason) {
}
