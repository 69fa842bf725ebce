package cn.doublerandom.publication;

import cn.doublerandom.draw.DrawFacts;
import cn.doublerandom.platform.ServiceClock;
import cn.doublerandom.platform.database.Sql;
import cn.doublerandom.result.PublicationRules;
import io.agroal.api.AgroalDataSource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;

/**
 * The SQL of the publication job ({@link PublicationService}): its lock, the queue {@code publication_pending}
 * it reads and clears, and the rows it writes to {@code publication} and {@code publication_overdue}. The
 * service keeps the job's logic (deadlines, timeliness, counts); this class only reads and writes.
 *
 * <p>Every method runs on the connection of the caller's transaction when there is one (Agroal hands
 * the enlisted connection back), so the job's lock holds, and its writes commit, with the run.
 */
@ApplicationScoped
class PublicationStore {

    @Inject
    AgroalDataSource dataSource;

    @Inject
    ServiceClock clock;

    /** The tests fetch 3 at a time, so that every publication test reads through several fetches while it writes. */
    @Inject
    PublicationConfig config;

    /** An unpublished current version: what the job and the due list look at. */
    record Unpublished(String resultId, int version, String drawId, String authority, String regionCode,
                       String quarter, String uscc, String name, LocalDate inspected, LocalDate determined,
                       String wording, String wordingText, String correctionReason, LocalDate basis,
                       boolean held, String holdReason) {
    }

    @FunctionalInterface
    interface UnpublishedSink {
        void accept(Unpublished u) throws SQLException;
    }

    /** Takes the transaction-scoped advisory lock of {@code key} if it is free; false when another holds it. */
    boolean tryLock(String key) {
        return Sql.tryLockForTransaction(dataSource, key);
    }

    /** Results marked overdue and still unpublished. */
    int stillOverdue() throws SQLException {
        try (Connection c = dataSource.getConnection(); Statement st = c.createStatement(); ResultSet rs = st.executeQuery("""
                select count(*) from publication_overdue o
                where not exists (select 1 from publication p where p.result_id = o.result_id and p.version = o.version)""")) {
            rs.next();
            return rs.getInt(1);
        }
    }

    /**
     * Every unpublished current version (of a region subtree, or all), in result id order, streamed
     * (the job runs inside a transaction, where the driver fetches by cursor). Read from the queue
     * {@code publication_pending}, which {@link PublicationQueue} fills as each version is recorded and
     * the job empties ({@link #dropDone}): with nothing due it reads an empty table, where the set
     * difference of all versions less all publications grows with every result ever published. The
     * queue may still hold rows that are done (until the job's next run, or for the due list, which
     * deletes nothing), so the conditions are checked here as before.
     */
    void forEachUnpublished(String prefix, UnpublishedSink sink) throws SQLException {
        try (Connection c = dataSource.getConnection(); PreparedStatement ps = c.prepareStatement("""
                select r.result_id as id, r.version, r.draw_id, r.authority, r.region_code, r.quarter, r.uscc, r.enterprise_name,
                       r.inspection_date, r.determination_date, r.wording, r.wording_text, r.correction_reason, r.deadline_basis,
                       r.held, r.hold_reason, r.declassified_at
                from publication_pending q
                join result_public_version r on r.result_id = q.result_id and r.version = q.version
                where not %s
                  and (cast(? as text) is null or r.authority like ?)
                order by r.result_id""".formatted(DONE))) {
            ps.setFetchSize(config.batch());
            ps.setString(1, prefix);
            ps.setString(2, prefix == null ? null : prefix + "%");
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    sink.accept(new Unpublished(rs.getString("id"), rs.getInt("version"), rs.getString("draw_id"),
                            rs.getString("authority"), rs.getString("region_code"), rs.getString("quarter"), rs.getString("uscc"),
                            rs.getString("enterprise_name"), Sql.getDate(rs, "inspection_date"),
                            Sql.getDate(rs, "determination_date"), rs.getString("wording"), rs.getString("wording_text"),
                            rs.getString("correction_reason"), PublicationRules.basis(Sql.getDate(rs, "deadline_basis"),
                                    Sql.getInstant(rs, "declassified_at"), clock.businessZone()), rs.getBoolean("held"),
                            rs.getBoolean("held") ? rs.getString("hold_reason") : null));
                }
            }
        }
    }

    /**
     * Deletes from the queue what the job is done with, in the run's transaction: versions published
     * (by this run or before), superseded by a correction, of a confidential result, or of a voided
     * draw (none of which will ever be published). Held versions stay: a release makes them
     * publishable again with no new row. Costs what is in the queue.
     */
    int dropDone() throws SQLException {
        try (Connection c = dataSource.getConnection(); PreparedStatement ps = c.prepareStatement(
                "delete from publication_pending q using result_public_version r where r.result_id = q.result_id and r.version = q.version and "
                        + DONE)) {
            return ps.executeUpdate();
        }
    }

    /**
     * A queued version the job is done with, the one rule both the reading and the clearing of the
     * queue apply ({@code q} the queue row, {@code r} its version in result's view
     * {@code result_public_version}): published, superseded by a correction, of a result withheld as
     * confidential, or of a voided draw.
     */
    private static final String DONE = """
            (exists (select 1 from publication p where p.result_id = q.result_id and p.version = q.version)
             or r.superseded
             or r.withheld
             or %s)""".formatted(DrawFacts.voidedSql("r.draw_id"));

    /** Publishes one version; false when it was already published. */
    boolean publish(Unpublished u, LocalDate deadline, Boolean onTime, Instant now, LocalDate today) throws SQLException {
        try (Connection c = dataSource.getConnection(); PreparedStatement ps = c.prepareStatement("""
                insert into publication (result_id, version, draw_id, authority, region_code, quarter, uscc, enterprise_name,
                    inspection_date, determination_date, wording, wording_text, correction_reason, deadline, on_time,
                    published_at, published_date, items, wordings, handling)
                values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?,
                    -- the items' outcomes as the portal shows them, their distinct codes (in item order) for its filter,
                    -- and 处理情况, as the portal lists it: copied from what result shows of the version
                    (select x.items from result_public_version x where x.result_id = ? and x.version = ?),
                    (select x.wordings from result_public_version x where x.result_id = ? and x.version = ?),
                    (select x.handling from result_public_version x where x.result_id = ? and x.version = ?))
                on conflict (result_id, version) do nothing""")) {
            ps.setString(1, u.resultId());
            ps.setInt(2, u.version());
            ps.setString(3, u.drawId());
            ps.setString(4, u.authority());
            ps.setString(5, u.regionCode());
            ps.setString(6, u.quarter());
            ps.setString(7, u.uscc());
            ps.setString(8, u.name());
            Sql.setDate(ps, 9, u.inspected());
            Sql.setDate(ps, 10, u.determined());
            ps.setString(11, u.wording());
            ps.setString(12, u.wordingText());
            ps.setString(13, u.correctionReason());
            Sql.setDate(ps, 14, deadline);
            ps.setObject(15, onTime, java.sql.Types.BOOLEAN);
            ps.setTimestamp(16, Timestamp.from(now));
            Sql.setDate(ps, 17, today);
            ps.setString(18, u.resultId());
            ps.setInt(19, u.version());
            ps.setString(20, u.resultId());
            ps.setInt(21, u.version());
            ps.setString(22, u.resultId());
            ps.setInt(23, u.version());
            return ps.executeUpdate() == 1;
        }
    }

    /** Marks one version overdue; 0 when it already was. */
    int markOverdue(Unpublished u, LocalDate deadline, Instant now) throws SQLException {
        try (Connection c = dataSource.getConnection(); PreparedStatement ps = c.prepareStatement("""
                insert into publication_overdue (result_id, version, deadline, marked_at) values (?, ?, ?, ?)
                on conflict (result_id, version) do nothing""")) {
            ps.setString(1, u.resultId());
            ps.setInt(2, u.version());
            Sql.setDate(ps, 3, deadline);
            ps.setTimestamp(4, Timestamp.from(now));
            return ps.executeUpdate();
        }
    }

    /** Queues a publishable version for the publication job, in the caller's transaction; once. */
    void queue(String resultId, int version) {
        try (Connection c = dataSource.getConnection();
             PreparedStatement ps = c.prepareStatement(
                     "insert into publication_pending (result_id, version) values (?, ?) on conflict do nothing")) {
            ps.setString(1, resultId);
            ps.setInt(2, version);
            ps.executeUpdate();
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }
}
