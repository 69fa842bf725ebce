package cn.doublerandom.result.evidence;

import com.fasterxml.jackson.annotation.JsonInclude;

import java.time.Instant;

/**
 * Who signed the inspection record of a result version for the enterprise (法定代表人 or an authorised
 * person), or that they refused to sign and why (拒绝签字的, 注明原因).
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record SignoffView(String resultId, int resultVersion, String signatory, String signatoryRole, boolean refused,
                          String refusalReason, Instant recordedAt, String recordedBy) {
}
