package cn.doublerandom.publication.credit;

import cn.doublerandom.platform.database.Sql;
import io.agroal.api.AgroalDataSource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The SQL of the credit export ({@link CreditExportService}): the batches ({@code credit_export_batch}),
 * the versions each carries ({@code credit_export_item}) and the publications they are read from. The
 * service keeps the rules (who may run, what a row of the national table says); this class only reads
 * and writes.
 *
 * <p>Every method runs on the connection of the caller's transaction when there is one (Agroal hands
 * the enlisted connection back), so a run's lock holds, and its batch commits, with the run.
 */
@ApplicationScoped
class CreditExportStore {

    @Inject
    AgroalDataSource dataSource;

    /** A published version no batch carries yet. */
    record Pending(String resultId, int version) {
    }

    /** A published version as a batch carries it. */
    record Item(String drawId, String uscc, String enterpriseName, LocalDate inspectionDate, String wordingText,
                String resultId, int version, String correctionReason) {
    }

    /** Serialises the runs of one key (an authority) across replicas until the transaction ends. */
    void lock(String key) {
        Sql.lockForTransaction(dataSource, key);
    }

    /** The authority's published versions that no batch carries yet, in the order they were published. */
    List<Pending> unexported(String authority) throws SQLException {
        List<Pending> pending = new ArrayList<>();
        try (Connection c = dataSource.getConnection(); PreparedStatement ps = c.prepareStatement("""
                select p.result_id, p.version from publication p
                 where p.authority = ?
                   and not exists (select 1 from credit_export_item i where i.result_id = p.result_id and i.version = p.version)
                 order by p.published_at, p.result_id, p.version""")) {
            ps.setString(1, authority);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    pending.add(new Pending(rs.getString(1), rs.getInt(2)));
                }
            }
        }
        return pending;
    }

    String nextBatchId() throws SQLException {
        try (Connection c = dataSource.getConnection();
             PreparedStatement ps = c.prepareStatement("select nextval('credit_export_batch_seq')");
             ResultSet rs = ps.executeQuery()) {
            rs.next();
            return "X" + String.format("%09d", rs.getLong(1));
        }
    }

    /** Writes a batch and the versions it carries; the item table's key refuses a version a batch already carries. */
    void insert(String id, String authority, List<Pending> items, Instant now, String by) throws SQLException {
        try (Connection c = dataSource.getConnection()) {
            try (PreparedStatement ps = c.prepareStatement("""
                    insert into credit_export_batch (id, authority, result_count, created_at, created_by) values (?, ?, ?, ?, ?)""")) {
                ps.setString(1, id);
                ps.setString(2, authority);
                ps.setInt(3, items.size());
                ps.setTimestamp(4, Timestamp.from(now));
                ps.setString(5, by);
                ps.executeUpdate();
            }
            try (PreparedStatement ps = c.prepareStatement(
                    "insert into credit_export_item (result_id, version, batch_id) values (?, ?, ?)")) {
                for (Pending p : items) {
                    ps.setString(1, p.resultId());
                    ps.setInt(2, p.version());
                    ps.setString(3, id);
                    ps.addBatch();
                }
                ps.executeBatch();
            }
        }
    }

    /** Up to {@code limit} of the authority's batches, newest first, after the batch {@code after} (none: from the newest), without rows. */
    List<CreditExportBatch> batches(String authority, String after, int limit) throws SQLException {
        List<CreditExportBatch> out = new ArrayList<>();
        try (Connection c = dataSource.getConnection();
             PreparedStatement ps = c.prepareStatement("""
                     select * from credit_export_batch where authority = ? and (cast(? as text) is null or id < ?)
                     order by id desc limit ?""")) {
            ps.setString(1, authority);
            ps.setString(2, after);
            ps.setString(3, after);
            ps.setInt(4, limit);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    out.add(head(rs));
                }
            }
        }
        return out;
    }

    /** How many batches the authority has. */
    int count(String authority) throws SQLException {
        // an authority's batches are a few a month: counting them is an index scan of its own rows
        try (Connection c = dataSource.getConnection()) {
            return Sql.strings(c, "select count(*)::text from credit_export_batch where authority = ?", authority).stream()
                    .mapToInt(Integer::parseInt).findFirst().orElse(0);
        }
    }

    /** A batch without its rows. */
    Optional<CreditExportBatch> head(String id) throws SQLException {
        try (Connection c = dataSource.getConnection();
             PreparedStatement ps = c.prepareStatement("select * from credit_export_batch where id = ?")) {
            ps.setString(1, id);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? Optional.of(head(rs)) : Optional.empty();
            }
        }
    }

    /** The published versions a batch carries, in the order they were published. */
    List<Item> items(String batchId) throws SQLException {
        List<Item> out = new ArrayList<>();
        try (Connection c = dataSource.getConnection(); PreparedStatement ps = c.prepareStatement("""
                select p.* from credit_export_item i
                  join publication p on p.result_id = i.result_id and p.version = i.version
                 where i.batch_id = ? order by p.published_at, p.result_id, p.version""")) {
            ps.setString(1, batchId);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    out.add(new Item(rs.getString("draw_id"), rs.getString("uscc"), rs.getString("enterprise_name"),
                            Sql.getDate(rs, "inspection_date"), rs.getString("wording_text"), rs.getString("result_id"),
                            rs.getInt("version"), rs.getString("correction_reason")));
                }
            }
        }
        return out;
    }

    private static CreditExportBatch head(ResultSet rs) throws SQLException {
        return new CreditExportBatch(rs.getString("id"), rs.getString("authority"), rs.getInt("result_count"),
                rs.getTimestamp("created_at").toInstant(), rs.getString("created_by"), null);
    }
}
