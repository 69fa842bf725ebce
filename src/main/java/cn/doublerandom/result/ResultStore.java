package cn.doublerandom.result;

import cn.doublerandom.platform.database.Sql;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/** The hand-written SQL of {@link ResultService}, on the caller's connection (its transaction's). */
final class ResultStore {

    private ResultStore() {
    }

    /** The hashes of a result's evidence, by the version they belong to, in id order. */
    static Map<Integer, List<ResultView.AttachmentHash>> attachments(Connection c, String id) throws SQLException {
        Map<Integer, List<ResultView.AttachmentHash>> attachments = new TreeMap<>();
        try (PreparedStatement ps = c.prepareStatement("""
                select result_version, id, kind, media_type, size_bytes, sha256 from attachment
                where result_id = ? order by id""")) {
            ps.setString(1, id);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    attachments.computeIfAbsent(rs.getInt(1), k -> new ArrayList<>()).add(new ResultView.AttachmentHash(
                            rs.getString(2), rs.getString(3), rs.getString(4), rs.getLong(5), rs.getString(6)));
                }
            }
        }
        return attachments;
    }

    /** Takes the transaction-scoped advisory lock named {@code key}. */
    static void lock(Connection c, String key) throws SQLException {
        Sql.lockForTransaction(c, key);
    }
}
