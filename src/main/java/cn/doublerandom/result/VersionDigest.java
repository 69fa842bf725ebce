package cn.doublerandom.result;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The digest of a result version: SHA-256 (hex) of its canonical content, JSON without whitespace
 * and with keys in code-point order, of the result's identity (id, draw, USCC), what the version
 * records (dates, outcomes per item, problems, handling, team, correction reason, who recorded it
 * and when) and one entry per attachment of the version (id, kind, media type, size and the
 * content's SHA-256), in attachment id order. An attachment's hash is therefore part of the
 * version: a swapped file, or a swapped attachment row, gives another digest.
 */
public final class VersionDigest {

    private static final ObjectMapper CANONICAL = JsonMapper.builder()
            .enable(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS).build();

    private VersionDigest() {
    }

    static String of(String resultId, String drawId, String uscc, ResultView.Version v) {
        Map<String, Object> content = new TreeMap<>();
        content.put("result", resultId);
        content.put("drawId", drawId);
        content.put("uscc", uscc);
        content.put("version", v.version());
        content.put("inspectionDate", String.valueOf(v.inspectionDate()));
        content.put("determinationDate", String.valueOf(v.determinationDate()));
        content.put("wording", v.wording());
        List<Object> items = new ArrayList<>();
        for (ResultView.ItemResult i : v.items()) {
            items.add(new TreeMap<>(Map.of("itemId", i.itemId(), "wording", i.wording())));
        }
        content.put("items", items);
        List<Object> problems = new ArrayList<>();
        for (ResultView.FindingView f : v.problems()) {
            problems.add(new TreeMap<>(Map.of("type", String.valueOf(f.type()), "description", String.valueOf(f.description()))));
        }
        content.put("problems", problems);
        content.put("handling", v.handling().stream().map(ResultView.HandlingView::code).toList());
        content.put("violationFound", v.violationFound());
        content.put("nonSite", v.nonSite());
        content.put("team", v.team());
        content.put("correctionReason", v.correctionReason() == null ? "" : v.correctionReason());
        content.put("recordedAt", String.valueOf(v.recordedAt()));
        content.put("recordedBy", v.recordedBy());
        List<Object> attachments = new ArrayList<>();
        for (ResultView.AttachmentHash a : v.attachments()) {
            attachments.add(new TreeMap<>(Map.of("id", a.id(), "kind", a.kind(), "mediaType", a.mediaType(),
                    "sizeBytes", a.sizeBytes(), "sha256", a.sha256())));
        }
        content.put("attachments", attachments);
        try {
            byte[] canonical = CANONICAL.writeValueAsBytes(content);
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(canonical));
        } catch (JsonProcessingException | NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
