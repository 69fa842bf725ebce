package cn.doublerandom.result.evidence;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import io.quarkus.panache.common.Parameters;
import io.quarkus.panache.common.Sort;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import org.hibernate.annotations.Immutable;

import java.time.Instant;
import java.util.List;

/**
 * A row of {@code attachment}: an attachment's record (证据) beside the result version it documents, with the
 * SHA-256 its bytes are checked against. Insert-only: a wrong attachment is superseded by a correction of the
 * result, never replaced, and the table's triggers refuse rewrites.
 */
@Entity
@Immutable
@Table(name = "attachment")
class Attachment extends PanacheEntityBase {

    @Id
    public String id;

    @Column(name = "result_id")
    public String resultId;

    @Column(name = "result_version")
    public int resultVersion;

    public String kind;

    @Column(name = "file_name")
    public String fileName;

    @Column(name = "media_type")
    public String mediaType;

    @Column(name = "size_bytes")
    public long sizeBytes;

    @Column(columnDefinition = "char(64)")
    public String sha256;

    @Column(name = "recorded_at")
    public Instant recordedAt;

    @Column(name = "recorded_by")
    public String recordedBy;

    /** The next id, F and nine digits, from {@code attachment_seq}. */
    static String nextId() {
        long n = ((Number) getEntityManager().createNativeQuery("select nextval('attachment_seq')").getSingleResult()).longValue();
        return "F" + String.format("%09d", n);
    }

    /** The attachments of a result by id; only the one named when {@code id} is given. */
    static List<Attachment> of(String resultId, String id) {
        if (id == null) {
            return list("resultId", Sort.by("id"), resultId);
        }
        return list("resultId = :result and id = :id", Parameters.with("result", resultId).and("id", id));
    }
}
