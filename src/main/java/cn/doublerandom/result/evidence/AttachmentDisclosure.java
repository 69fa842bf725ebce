package cn.doublerandom.result.evidence;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import io.quarkus.panache.common.Parameters;
import io.quarkus.panache.common.Sort;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import org.hibernate.annotations.Immutable;

import java.time.Instant;
import java.util.Collection;
import java.util.HashMap;
import java.util.Map;

/**
 * A row of {@code attachment_disclosure}: the bureau marked an attachment publishable on the public portal, or
 * withdrew it, with a reason. The latest row stands. Insert-only; the table's triggers refuse rewrites.
 */
@Entity
@Immutable
@Table(name = "attachment_disclosure")
class AttachmentDisclosure extends PanacheEntityBase {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    @Column(name = "attachment_id")
    public String attachmentId;

    public boolean publishable;

    public String reason;

    @Column(name = "recorded_at")
    public Instant recordedAt;

    @Column(name = "recorded_by")
    public String recordedBy;

    static void record(String attachmentId, boolean publishable, String reason, Instant at, String by) {
        AttachmentDisclosure d = new AttachmentDisclosure();
        d.attachmentId = attachmentId;
        d.publishable = publishable;
        d.reason = reason;
        d.recordedAt = at;
        d.recordedBy = by;
        d.persistAndFlush();
    }

    /** The disclosure that stands for each of these attachments that has one. */
    static Map<String, AttachmentDisclosure> latest(Collection<String> attachmentIds) {
        Map<String, AttachmentDisclosure> out = new HashMap<>();
        if (attachmentIds.isEmpty()) {
            return out;
        }
        AttachmentDisclosure.<AttachmentDisclosure>list("attachmentId in :ids", Sort.by("id"), Parameters.with("ids", attachmentIds))
                .forEach(d -> out.put(d.attachmentId, d));
        return out;
    }
}
