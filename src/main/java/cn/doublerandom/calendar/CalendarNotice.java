package cn.doublerandom.calendar;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import org.hibernate.annotations.Immutable;

import java.time.Instant;

/**
 * A row of {@code calendar_notice}: a year's holiday notice (节假日安排通知) as an administrator uploaded it.
 * Insert-only: every upload is kept, the latest of a year wins, and the table's triggers refuse rewrites.
 */
@Entity
@Immutable
@Table(name = "calendar_notice")
class CalendarNotice extends PanacheEntityBase {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    public int year;

    /** The notice as uploaded (holiday-cn JSON), kept verbatim. */
    public String notice;

    @Column(name = "uploaded_at")
    public Instant uploadedAt;

    @Column(name = "uploaded_by")
    public String uploadedBy;

    static void record(int year, String notice, Instant at, String by) {
        CalendarNotice n = new CalendarNotice();
        n.year = year;
        n.notice = notice;
        n.uploadedAt = at;
        n.uploadedBy = by;
        n.persistAndFlush();
    }
}
