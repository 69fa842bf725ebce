package cn.doublerandom.registry.target;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.time.LocalDate;

/**
 * An approval as the bureau records it: the method (DOCUMENTARY 书面检查 or THIRD_PARTY 委托第三方专业机构, by code or
 * Chinese name), the item it is for (absent: every item), why, the approval's document number, and its days.
 */
public record MethodApprovalInput(@Schema(enumeration = {"DOCUMENTARY", "THIRD_PARTY"}) String method, Long itemId,
                                  String reason, String reference, LocalDate validFrom, LocalDate validTo) {
}
