package cn.doublerandom.report.check;

import cn.doublerandom.registry.target.CheckSource;
import cn.doublerandom.result.ResultInput;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.time.LocalDate;
import java.util.List;

/**
 * A targeted check as the bureau records it. {@code authority} defaults to the caller's region;
 * codes: {@link CheckSource}, {@link cn.doublerandom.result.FindingType}, {@link cn.doublerandom.result.Handling};
 * {@code team} are codes of the authority's inspector registry, at least two of them certified.
 */
public record CheckInput(String authority, String uscc, @Schema(implementation = CheckSource.class) String source, String sourceReference, LocalDate inspectionDate,
                         List<ResultInput.Finding> problems, List<String> handling, Boolean violationFound, Boolean nonSite,
                         List<String> team, String note) {
}
