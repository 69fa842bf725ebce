package cn.doublerandom.portal.search;

import cn.doublerandom.platform.database.PortalDataSource;
import cn.doublerandom.platform.database.Sql;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;

/** The SQL of {@link NameSearch}: publication's view {@code published_result}, on the portal's data source. */
@ApplicationScoped
class NameSearchStore {

    private static final String COLUMNS = "seq, enterprise_name, region_code, quarter, inspection_date";

    @Inject
    PortalDataSource database;

    /** A publication as the index keeps it. */
    record Row(long seq, String name, String region, String quarter, LocalDate inspected) {
    }

    /** Up to {@code limit} publications after {@code seq}, in seq order. */
    List<Row> after(long seq, int limit) throws SQLException {
        List<Row> rows = new ArrayList<>();
        try (Connection c = database.get().getConnection();
             PreparedStatement ps = c.prepareStatement("select " + COLUMNS + " from published_result where seq > ? order by seq limit ?")) {
            ps.setLong(1, seq);
            ps.setInt(2, limit);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    rows.add(new Row(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getString(4),
                            Sql.getDate(rs, "inspection_date")));
                }
            }
        }
        return rows;
    }

    /** Hands every publication in seq order to {@code each} until it answers false; whether all were handed. */
    boolean all(Predicate<Row> each) throws SQLException {
        try (Connection c = database.get().getConnection()) {
            c.setAutoCommit(false); // PostgreSQL streams rows (fetch size) only inside a transaction
            try (PreparedStatement ps = c.prepareStatement("select " + COLUMNS + " from published_result order by seq")) {
                ps.setFetchSize(10_000);
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        if (!each.test(new Row(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getString(4),
                                Sql.getDate(rs, "inspection_date")))) {
                            return false;
                        }
                    }
                }
            } finally {
                c.rollback();
            }
        }
        return true;
    }
}
