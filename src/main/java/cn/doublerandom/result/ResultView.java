package cn.doublerandom.result;

import cn.doublerandom.result.evidence.AttachmentKind;
import com.fasterxml.jackson.annotation.JsonInclude;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/**
 * A result as the bureau sees it: the fixed part, its publication state, and every version (the
 * latest first is {@code current}).
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record ResultView(String id, String drawId, String uscc, String enterpriseName, String authority, String regionCode,
                         String quarter, boolean confidential, String confidentialReason, Instant recordedAt,
                         String recordedBy, Publication publication, Version current, List<Version> versions) {

    /**
     * One version: as recorded, or a correction with its reason. {@code items} are the outcomes per item
     * of the draw, in the draw's item order; {@code wording} is the visit's summary (the first item
     * wording other than NO_PROBLEM 未发现问题, else NO_PROBLEM). {@code attachments} are the evidence
     * filed on the version with their SHA-256; {@code digest} is the SHA-256 of the version's canonical
     * content, attachments' hashes included ({@link VersionDigest}).
     */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Version(int version, LocalDate inspectionDate, LocalDate determinationDate, String wording,
                          String wordingText, List<ItemResult> items, List<FindingView> problems, List<HandlingView> handling,
                          boolean violationFound, boolean nonSite, List<String> team, String correctionReason,
                          Instant recordedAt, String recordedBy, Instant publishedAt, Boolean onTime,
                          List<AttachmentHash> attachments, String digest) {

        Version withDigest(String resultId, String drawId, String uscc) {
            return new Version(version, inspectionDate, determinationDate, wording, wordingText, items, problems, handling,
                    violationFound, nonSite, team, correctionReason, recordedAt, recordedBy, publishedAt, onTime, attachments,
                    VersionDigest.of(resultId, drawId, uscc, this));
        }
    }

    /** An attachment of a version as its digest covers it: which file, and the SHA-256 of its content. */
    public record AttachmentHash(String id, @Schema(implementation = AttachmentKind.class) String kind, String mediaType, long sizeBytes, String sha256) {
    }

    /** The outcome of one item (检查事项 / 检查结果): the item as named when recorded, the wording code and its text. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record ItemResult(long itemId, String itemName, String subItem, String wording, String wordingText) {
    }

    /**
     * A problem as recorded; {@code violation} and {@code nonSite} as the bureau marked them, absent
     * when not marked (every problem recorded before the marks): see {@link ResultInput.Finding}.
     */
    public record FindingView(String type, String typeLabel, String description, Boolean violation, Boolean nonSite) {
    }

    public record HandlingView(String code, String label) {
    }

    /**
     * Where the current version stands: WITHHELD (confidential), HELD (by the bureau, with the reason),
     * PUBLISHABLE (the next job run publishes it) or PUBLISHED; the deadline (null while PENDING: the
     * calendar lacks {@code missingYear}); overdue once its deadline day has ended unpublished.
     */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Publication(@Schema(enumeration = {"WITHHELD", "HELD", "PUBLISHABLE", "PUBLISHED"}) String state,
                              String holdReason, LocalDate deadline,
                              @Schema(enumeration = {"KNOWN", "PENDING"}) String deadlineState,
                              Integer missingYear, boolean overdue, Instant publishedAt, Boolean onTime) {
    }
}
