package cn.doublerandom.portal;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonInclude;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/**
 * A published result as the national credit portal shows it: inspecting authority, inspection type,
 * date, result, enterprise name and USCC, plan and draw (抽查任务). No inspector data. A correction is its own
 * entry (version &gt; 1, with its reason); the earlier version stays published. {@code items} are the
 * outcomes per item of the visit (检查事项 / 检查结果); {@code wording} is the visit's summary (the same word as the bureau API's): the first
 * item wording other than 未发现问题, else 未发现问题. {@code handling} is how the bureau handled what it
 * found (处理情况), as codes and as the announcement's text. {@code seq} is the publication order (the list's
 * keyset cursor and the detail's 公示序号).
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record PublicResult(String id, int version, String authority, String authorityName, String regionCode,
                           String inspectionType, LocalDate inspectionDate, String wording, String wordingText,
                           List<PublishedItemResult> items, List<String> handling, String handlingText, String enterpriseName, String uscc, String planName,
                           String drawId, String correctionReason, LocalDate publishedDate, Instant publishedAt,
                           @JsonIgnore long seq) {

    /** 检查事项 as one cell of the list: the items' names in the draw's order. */
    @JsonIgnore
    public String itemNames() {
        StringBuilder out = new StringBuilder();
        for (PublishedItemResult i : items) {
            if (!out.isEmpty()) {
                out.append('；');
            }
            out.append(i.itemName());
            if (i.subItem() != null) {
                out.append('（').append(i.subItem()).append('）');
            }
        }
        return out.toString();
    }

    /** The published outcome of one item: the item as named when recorded, the wording code and its text. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record PublishedItemResult(long itemId, String itemName, String subItem, String wording, String wordingText) {
    }
}
