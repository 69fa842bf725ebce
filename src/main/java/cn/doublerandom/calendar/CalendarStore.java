package cn.doublerandom.calendar;

import io.agroal.api.AgroalDataSource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

/** The SQL of {@link CalendarService}: the uploaded holiday notices ({@code calendar_notice}), by plain JDBC. */
@ApplicationScoped
class CalendarStore {

    @Inject
    AgroalDataSource dataSource;

    /** A year's latest uploaded notice, as its JSON text. */
    record Notice(int year, String json) {
    }

    /** A connection for the reads below, which take the caller's so that one refresh holds one. */
    Connection connection() throws SQLException {
        return dataSource.getConnection();
    }

    /** The number of uploads ever made: it changes with every upload. On the caller's connection. */
    long uploads(Connection c) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("select count(*) from calendar_notice"); ResultSet rs = ps.executeQuery()) {
            rs.next();
            return rs.getLong(1);
        }
    }

    /** Each year's latest upload, in year order, on the caller's connection. */
    List<Notice> latestNotices(Connection c) throws SQLException {
        List<Notice> out = new ArrayList<>();
        try (PreparedStatement ps = c.prepareStatement("""
                    select year, notice from calendar_notice
                    where id in (select max(id) from calendar_notice group by year) order by year""");
             ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
                out.add(new Notice(rs.getInt(1), rs.getString(2)));
            }
        }
        return out;
    }
}
