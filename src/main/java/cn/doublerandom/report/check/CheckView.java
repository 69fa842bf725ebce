package cn.doublerandom.report.check;

import cn.doublerandom.result.ResultView;
import com.fasterxml.jackson.annotation.JsonInclude;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/** A recorded targeted check (针对性检查). Never changed once recorded. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record CheckView(String id, String authority, String uscc, String enterpriseName, String regionCode, String source,
                        String sourceLabel, String sourceReference, LocalDate inspectionDate,
                        List<ResultView.FindingView> problems, List<ResultView.HandlingView> handling, boolean violationFound,
                        boolean nonSite, List<String> team, String note, Instant recordedAt, String recordedBy) {
}
