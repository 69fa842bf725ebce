package cn.doublerandom.result.evidence;

import cn.doublerandom.platform.ServiceClock;
import cn.doublerandom.platform.database.Constraints;
import cn.doublerandom.platform.problem.ProblemException;
import cn.doublerandom.platform.problem.ProblemType;
import cn.doublerandom.registry.FieldRules;
import cn.doublerandom.result.PublishedVersions;
import cn.doublerandom.result.ResultConfig;
import cn.doublerandom.result.ResultService;
import cn.doublerandom.result.ResultView;
import cn.doublerandom.security.Caller;
import cn.doublerandom.security.RegionScope;
import io.micrometer.core.instrument.MeterRegistry;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.PersistenceException;
import jakarta.transaction.Transactional;
import org.jboss.logging.Logger;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;

/**
 * Evidence on a result: attachments and the enterprise's signature on the inspection record. Written
 * by whoever may write the result (the draw's authority), read by whoever may read it; an attachment
 * reaches the public only when the bureau marked it publishable and the result is published.
 */
@ApplicationScoped
public class EvidenceService {

    private static final Logger LOG = Logger.getLogger(EvidenceService.class);
    static final int FILE_NAME_MAX = 200;
    static final int TEXT_MAX = 500;
    static final int NAME_MAX = 50;

    @Inject
    AttachmentStore store;

    @Inject
    ResultService results;

    @Inject
    PublishedVersions published;

    @Inject
    RegionScope scope;

    @Inject
    Caller caller;

    @Inject
    ServiceClock clock;

    @Inject
    MeterRegistry metrics;

    @Inject
    ResultConfig config;

    /** The bytes of an attachment that passed its hash check, with what the response needs to say about them. */
    public record Content(AttachmentView attachment, byte[] bytes) {
    }

    // --- attachments -----------------------------------------------------------------------------------

    @Transactional
    public AttachmentView attach(String resultId, String kindText, String fileNameText, String contentType, byte[] content) {
        ResultView result = writable(resultId);
        long maxSize = config.attachments().maxSize().asLongValue();
        if (content != null && content.length > maxSize) {
            throw new ProblemException(ProblemType.PAYLOAD_TOO_LARGE, "the attachment is " + content.length
                    + " bytes; the limit is " + maxSize + " bytes (doublerandom.attachments.max-size)");
        }
        MediaTypes type = MediaTypes.of(contentType);
        if (type == null) {
            throw new ProblemException(ProblemType.UNSUPPORTED_MEDIA_TYPE, "an attachment is one of " + MediaTypes.names()
                    + ", declared in Content-Type; got " + FieldRules.abbreviate(contentType));
        }
        FieldRules f = new FieldRules();
        AttachmentKind kind = null;
        if (kindText == null) {
            f.fail("kind", null, "is required: PHOTO, SIGNED_RECORD, PENALTY_DECISION or OTHER");
        } else {
            try {
                kind = AttachmentKind.valueOf(kindText);
            } catch (IllegalArgumentException e) {
                f.fail("kind", FieldRules.abbreviate(kindText), "must be PHOTO, SIGNED_RECORD, PENALTY_DECISION or OTHER");
            }
        }
        String fileName = f.text("fileName", fileNameText, FILE_NAME_MAX, true);
        if (fileName != null && (fileName.contains("/") || fileName.contains("\\"))) {
            f.fail("fileName", FieldRules.abbreviate(fileName), "is a file's name, without a folder");
            fileName = null;
        }
        if (content == null || content.length == 0) {
            f.fail("body", null, "the attachment is empty");
        }
        if (!f.ok()) {
            throw new ProblemException(ProblemType.VALIDATION_FAILED, "the attachment was not recorded", f.problems());
        }
        if (!type.matches(content)) {
            throw new ProblemException(ProblemType.UNSUPPORTED_MEDIA_TYPE, "the content is not " + type.type()
                    + " as declared; nothing was recorded");
        }
        String sha256 = sha256(content);
        Attachment a = new Attachment();
        a.id = Attachment.nextId();
        store.put(sha256, content);
        a.resultId = resultId;
        a.resultVersion = result.current().version();
        a.kind = kind.name();
        a.fileName = fileName;
        a.mediaType = type.type();
        a.sizeBytes = content.length;
        a.sha256 = sha256;
        a.recordedAt = clock.now();
        a.recordedBy = caller.signature();
        a.persistAndFlush();
        return attachments(resultId, a.id).get(0);
    }

    public List<AttachmentView> attachments(String resultId) {
        results.get(resultId);
        return attachments(resultId, null);
    }

    /** The bytes of an attachment, after checking them against the recorded hash. */
    public Content content(String resultId, String id) {
        results.get(resultId);
        return checked(one(resultId, id));
    }

    /** Marks an attachment publishable or not, with the reason; the latest marking stands. */
    @Transactional
    public AttachmentView disclose(String resultId, String id, Boolean publishable, String reasonText) {
        writable(resultId);
        FieldRules f = new FieldRules();
        if (publishable == null) {
            f.fail("publishable", null, "is required: true to show the attachment on the public portal, false to withdraw it");
        }
        String reason = f.text("reason", reasonText, TEXT_MAX, true);
        if (!f.ok()) {
            throw new ProblemException(ProblemType.VALIDATION_FAILED, "the attachment's disclosure was not changed", f.problems());
        }
        one(resultId, id);
        AttachmentDisclosure.record(id, publishable, reason, clock.now(), caller.signature());
        return attachments(resultId, id).get(0);
    }

    /** The publishable attachments of a published result: nothing for a result not (yet) published. */
    public List<AttachmentView> publicAttachments(String resultId) {
        if (!published.anyOf(resultId)) {
            throw ProblemException.notFound("published result " + FieldRules.abbreviate(resultId));
        }
        return attachments(resultId, null).stream().filter(AttachmentView::publishable)
                .map(a -> new AttachmentView(a.id(), a.resultId(), a.resultVersion(), a.kind(), a.kindLabel(), a.fileName(),
                        a.mediaType(), a.sizeBytes(), a.sha256(), true, null, a.recordedAt(), null))
                .toList();
    }

    public Content publicContent(String resultId, String id) {
        AttachmentView a = publicAttachments(resultId).stream().filter(v -> v.id().equals(id)).findFirst()
                .orElseThrow(() -> ProblemException.notFound("public attachment " + FieldRules.abbreviate(id)));
        return checked(a);
    }

    private AttachmentView one(String resultId, String id) {
        List<AttachmentView> found = attachments(resultId, id);
        if (found.isEmpty()) {
            throw ProblemException.notFound("attachment " + FieldRules.abbreviate(id) + " of result " + resultId);
        }
        return found.get(0);
    }

    private Content checked(AttachmentView a) {
        byte[] bytes = store.get(a.sha256()).orElse(null);
        String fault = bytes == null ? "the store has no content for it"
                : !sha256(bytes).equals(a.sha256()) ? "the stored content's SHA-256 is not the recorded " + a.sha256() : null;
        if (fault != null) {
            metrics.counter("doublerandom.attachments.corrupted").increment();
            LOG.errorf("attachment %s of result %s is corrupted: %s", a.id(), a.resultId(), fault);
            throw new ProblemException(ProblemType.ATTACHMENT_CORRUPTED, "attachment " + a.id() + " of result " + a.resultId()
                    + " is not served: " + fault, List.of(), Map.of("attachmentId", a.id(), "sha256", a.sha256()));
        }
        return new Content(a, bytes);
    }

    private static List<AttachmentView> attachments(String resultId, String id) {
        List<Attachment> found = Attachment.of(resultId, id);
        Map<String, AttachmentDisclosure> disclosures = AttachmentDisclosure.latest(found.stream().map(a -> a.id).toList());
        return found.stream().map(a -> {
            AttachmentKind kind = AttachmentKind.valueOf(a.kind);
            AttachmentDisclosure d = disclosures.get(a.id);
            return new AttachmentView(a.id, a.resultId, a.resultVersion, kind.name(), kind.label(), a.fileName, a.mediaType,
                    a.sizeBytes, a.sha256, d != null && d.publishable, d == null ? null : d.reason, a.recordedAt, a.recordedBy);
        }).toList();
    }

    // --- signature on the inspection record ---------------------------------------------------------------

    /** The input of a sign-off: who signed (or was asked to and refused), in what role, and the refusal's reason. */
    public record SignoffInput(String signatory, String signatoryRole, Boolean refused, String refusalReason) {
    }

    @Transactional
    public SignoffView signoff(String resultId, SignoffInput in) {
        ResultView result = writable(resultId);
        if (in == null) {
            throw ProblemException.invalid("body", "a JSON body is required");
        }
        FieldRules f = new FieldRules();
        String signatory = f.text("signatory", in.signatory(), NAME_MAX, true);
        String role = f.text("signatoryRole", in.signatoryRole(), NAME_MAX, true);
        boolean refused = Boolean.TRUE.equals(in.refused());
        if (in.refused() == null) {
            f.fail("refused", null, "is required: false when the record was signed, true when the enterprise refused");
        }
        String reason = f.text("refusalReason", in.refusalReason(), TEXT_MAX, refused);
        if (!refused && in.refusalReason() != null) {
            f.fail("refusalReason", FieldRules.abbreviate(in.refusalReason()), "only a refusal has a reason");
        }
        if (!f.ok()) {
            throw new ProblemException(ProblemType.VALIDATION_FAILED, "the signature was not recorded", f.problems());
        }
        int version = result.current().version();
        String conflict = "version " + version + " of result " + resultId
                + " already records its signature; a correction of the result records the next one";
        if (ResultSignoff.findByIdOptional(new ResultSignoff.Key(resultId, version)).isPresent()) {
            throw new ProblemException(ProblemType.CONFLICT, conflict);
        }
        ResultSignoff s = new ResultSignoff();
        s.resultId = resultId;
        s.resultVersion = version;
        s.signatory = signatory;
        s.signatoryRole = role;
        s.refused = refused;
        s.refusalReason = refused ? reason : null;
        s.recordedAt = clock.now();
        s.recordedBy = caller.signature();
        try {
            s.persistAndFlush();
        } catch (PersistenceException e) {
            if (Constraints.isUniqueViolation(e)) {
                throw new ProblemException(ProblemType.CONFLICT, conflict);
            }
            throw e;
        }
        return s.view();
    }

    /** The signatures of a result's versions, latest version first. */
    public List<SignoffView> signoffs(String resultId) {
        results.get(resultId);
        return ResultSignoff.of(resultId).stream().map(ResultSignoff::view).toList();
    }

    // --- shared ----------------------------------------------------------------------------------------

    private ResultView writable(String resultId) {
        ResultView result = results.get(resultId);
        scope.requireRegistryWrite(result.authority());
        return result;
    }

    static String sha256(byte[] content) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(content));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
