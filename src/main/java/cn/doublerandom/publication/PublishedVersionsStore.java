package cn.doublerandom.publication;

import cn.doublerandom.result.PublishedVersions;
import io.agroal.api.AgroalDataSource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

/** The publication rows of one result, for the result capability, which may not name them itself. */
@ApplicationScoped
public class PublishedVersionsStore implements PublishedVersions {

    @Inject
    AgroalDataSource dataSource;

    @Override
    public List<Published> of(String resultId) {
        // in a transaction the data source hands back the transaction's connection, so a caller sees its own writes
        try (Connection c = dataSource.getConnection();
             PreparedStatement ps = c.prepareStatement(
                     "select version, published_at, on_time from publication where result_id = ? order by version")) {
            ps.setString(1, resultId);
            List<Published> out = new ArrayList<>();
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    boolean on = rs.getBoolean(3);
                    out.add(new Published(rs.getInt(1), rs.getTimestamp(2).toInstant(), rs.wasNull() ? null : on));
                }
            }
            return out;
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }
}
