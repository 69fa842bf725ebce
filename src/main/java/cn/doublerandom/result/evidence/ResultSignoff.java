package cn.doublerandom.result.evidence;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import io.quarkus.panache.common.Sort;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.Table;
import org.hibernate.annotations.Immutable;

import java.io.Serializable;
import java.time.Instant;
import java.util.List;

/**
 * A row of {@code result_signoff}: who signed the inspection record (现场检查笔录) of a result version for the
 * enterprise, or that they refused and why. One per version. Insert-only; the table's triggers refuse rewrites.
 */
@Entity
@Immutable
@Table(name = "result_signoff")
@IdClass(ResultSignoff.Key.class)
class ResultSignoff extends PanacheEntityBase {

    /** The primary key (result_id, result_version). */
    public record Key(String resultId, int resultVersion) implements Serializable {
        public Key() {
            this(null, 0);
        }
    }

    @Id
    @Column(name = "result_id")
    public String resultId;

    @Id
    @Column(name = "result_version")
    public int resultVersion;

    public String signatory;

    @Column(name = "signatory_role")
    public String signatoryRole;

    public boolean refused;

    @Column(name = "refusal_reason")
    public String refusalReason;

    @Column(name = "recorded_at")
    public Instant recordedAt;

    @Column(name = "recorded_by")
    public String recordedBy;

    /** The signatures of a result's versions, latest version first. */
    static List<ResultSignoff> of(String resultId) {
        return list("resultId", Sort.descending("resultVersion"), resultId);
    }

    SignoffView view() {
        return new SignoffView(resultId, resultVersion, signatory, signatoryRole, refused, refusalReason, recordedAt, recordedBy);
    }
}
