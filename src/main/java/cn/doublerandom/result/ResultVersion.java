package cn.doublerandom.result;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import io.quarkus.panache.common.Sort;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.Table;
import org.hibernate.annotations.Immutable;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

import java.io.Serializable;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/**
 * A row of {@code result_version}: version 1 is the result as recorded, each correction a later version with
 * its reason. Insert-only; the table's triggers refuse rewrites, mark the version superseded and queue it for
 * publication.
 */
@Entity
@Immutable
@Table(name = "result_version")
@IdClass(ResultVersion.Key.class)
class ResultVersion extends PanacheEntityBase {

    /** The primary key (result_id, version). */
    public record Key(String resultId, int version) implements Serializable {
        public Key() {
            this(null, 0);
        }
    }

    @Id
    @Column(name = "result_id")
    public String resultId;

    @Id
    public int version;

    @Column(name = "inspection_date")
    public LocalDate inspectionDate;

    @Column(name = "determination_date")
    public LocalDate determinationDate;

    public String wording;

    @Column(name = "wording_text")
    public String wordingText;

    /** The problems found as JSON, written and read by the service's own mapper as before. */
    @JdbcTypeCode(SqlTypes.JSON)
    public String problems;

    public String[] handling;

    @Column(name = "violation_found")
    public boolean violationFound;

    @Column(name = "non_site")
    public boolean nonSite;

    public String[] team;

    /** The day the publication window counts from: the determination, or the day of a correction once published. */
    @Column(name = "deadline_basis")
    public LocalDate deadlineBasis;

    @Column(name = "correction_reason")
    public String correctionReason;

    @Column(name = "recorded_at")
    public Instant recordedAt;

    @Column(name = "recorded_by")
    public String recordedBy;

    /** Every version of a result, the latest first. */
    static List<ResultVersion> of(String resultId) {
        return list("resultId", Sort.descending("version"), resultId);
    }

    /** The number the next version of a result takes: one after its latest. */
    static int next(String resultId) {
        ResultVersion latest = find("resultId", Sort.descending("version"), resultId).firstResult();
        return latest == null ? 1 : latest.version + 1;
    }
}
