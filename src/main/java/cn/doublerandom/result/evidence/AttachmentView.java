package cn.doublerandom.result.evidence;

import org.eclipse.microprofile.openapi.annotations.media.Schema;
import com.fasterxml.jackson.annotation.JsonInclude;

import java.time.Instant;

/**
 * An attachment as recorded: the result version it documents, its SHA-256 (checked on every read),
 * size and type; whether the public portal may show it, and why.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record AttachmentView(String id, String resultId, int resultVersion,
                             @Schema(implementation = AttachmentKind.class) String kind, String kindLabel, String fileName,
                             String mediaType, long sizeBytes, String sha256, boolean publishable, String disclosureReason,
                             Instant recordedAt, String recordedBy) {
}
