package cn.doublerandom.result.evidence;

import jakarta.ws.rs.core.Response;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.HexFormat;

/** The response that carries a checked attachment: its own type, never sniffed, offered as a download under its name. */
final class Downloads {

    private Downloads() {
    }

    static Response of(EvidenceService.Content content, String cacheControl) {
        AttachmentView a = content.attachment();
        String encoded = URLEncoder.encode(a.fileName(), StandardCharsets.UTF_8).replace("+", "%20");
        String digest = Base64.getEncoder().encodeToString(HexFormat.of().parseHex(a.sha256()));
        return Response.ok(content.bytes(), a.mediaType())
                .header("Content-Disposition", "attachment; filename=\"" + a.id() + "\"; filename*=UTF-8''" + encoded)
                .header("X-Content-Type-Options", "nosniff")
                .header("Repr-Digest", "sha-256=:" + digest + ":")
                .header("ETag", "\"" + a.sha256() + "\"")
                .header("Cache-Control", cacheControl)
                .build();
    }
}
