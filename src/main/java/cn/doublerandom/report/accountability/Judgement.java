package cn.doublerandom.report.accountability;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import io.quarkus.panache.common.Parameters;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import org.hibernate.annotations.Immutable;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

/**
 * A row of {@code accountability_judgement}: the judgement that a later check's violation should have been
 * found by an earlier check (应查出而未查出), with the earlier team as it stood. Insert-only: a mistaken
 * judgement is retracted ({@link JudgementRetraction}), never changed, and the table's triggers refuse rewrites.
 */
@Entity
@Immutable
@Table(name = "accountability_judgement")
class Judgement extends PanacheEntityBase {

    @Id
    public String id;

    public String uscc;

    @Column(name = "earlier_kind")
    public String earlierKind;

    @Column(name = "earlier_id")
    public String earlierId;

    @Column(name = "earlier_authority", columnDefinition = "char(6)")
    public String earlierAuthority;

    @Column(name = "earlier_date")
    public LocalDate earlierDate;

    @Column(name = "earlier_team")
    public String[] earlierTeam;

    @Column(name = "later_kind")
    public String laterKind;

    @Column(name = "later_id")
    public String laterId;

    @Column(name = "later_authority", columnDefinition = "char(6)")
    public String laterAuthority;

    @Column(name = "later_date")
    public LocalDate laterDate;

    public String reason;

    @Column(name = "recorded_at")
    public Instant recordedAt;

    @Column(name = "recorded_by")
    public String recordedBy;

    /** The next id, A and nine digits, from {@code accountability_judgement_seq}. */
    static String nextId() {
        long n = ((Number) getEntityManager().createNativeQuery("select nextval('accountability_judgement_seq')")
                .getSingleResult()).longValue();
        return "A" + String.format("%09d", n);
    }

    static Optional<Judgement> of(String id) {
        return findByIdOptional(id);
    }

    /** The judgement already concerning these two checks, if any: two checks bear at most one. */
    static Optional<Judgement> between(String earlierId, String laterId) {
        return find("earlierId = :earlier and laterId = :later", Parameters.with("earlier", earlierId).and("later", laterId))
                .firstResultOptional();
    }

    static Judgement record(String id, String uscc, String earlierKind, String earlierId, String earlierAuthority,
                            LocalDate earlierDate, List<String> earlierTeam, String laterKind, String laterId,
                            String laterAuthority, LocalDate laterDate, String reason, Instant at, String by) {
        Judgement j = new Judgement();
        j.id = id;
        j.uscc = uscc;
        j.earlierKind = earlierKind;
        j.earlierId = earlierId;
        j.earlierAuthority = earlierAuthority;
        j.earlierDate = earlierDate;
        j.earlierTeam = earlierTeam.toArray(String[]::new);
        j.laterKind = laterKind;
        j.laterId = laterId;
        j.laterAuthority = laterAuthority;
        j.laterDate = laterDate;
        j.reason = reason;
        j.recordedAt = at;
        j.recordedBy = by;
        j.persistAndFlush();
        return j;
    }
}
