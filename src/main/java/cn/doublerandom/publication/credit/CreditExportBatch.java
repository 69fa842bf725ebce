package cn.doublerandom.publication.credit;

import com.fasterxml.jackson.annotation.JsonInclude;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/**
 * One batch of published results for the national enterprise credit publicity system, in the columns
 * of its 抽查检查结果信息: 检查实施机关, 检查类型, 检查日期, 检查结果, with the enterprise's name and USCC.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record CreditExportBatch(String id, String authority, int resultCount, Instant createdAt, String createdBy,
                                List<Row> rows) {

    /** One published version of a result; a correction is a later version, sent in a later batch as 更正. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Row(int serial, String uscc, String enterpriseName, String inspectingAuthority, String inspectionType,
                      LocalDate inspectionDate, String wordingText, String resultId, int version, String correctionReason) {
    }
}
