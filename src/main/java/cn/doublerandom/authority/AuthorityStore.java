package cn.doublerandom.authority;

import io.agroal.api.AgroalDataSource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** The one class that names the authorities' table ({@code authority_version}). */
@ApplicationScoped
class AuthorityStore {

    /** The unique-key violation PostgreSQL reports when two writers add the same version. */
    static final String UNIQUE_VIOLATION = "23505";

    @Inject
    AgroalDataSource dataSource;

    List<AuthorityVersion> versions(String region) {
        return query("select * from authority_version where region_code = ? order by version", region);
    }

    Optional<AuthorityVersion> latest(String region) {
        List<AuthorityVersion> v = query("select * from authority_version where region_code = ? order by version desc limit 1",
                region);
        return v.stream().findFirst();
    }

    /** Each region's latest version: the directory's names. */
    Map<String, AuthorityVersion> allLatest() {
        Map<String, AuthorityVersion> out = new HashMap<>();
        try (Connection c = dataSource.getConnection(); PreparedStatement ps = c.prepareStatement(
                "select distinct on (region_code) * from authority_version order by region_code, version desc");
             ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
                out.put(rs.getString("region_code"), row(rs));
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
        return out;
    }

    /** Appends a version; throws the SQLException of a unique violation when another writer took that version first. */
    void append(String region, AuthorityVersion v) throws SQLException {
        try (Connection c = dataSource.getConnection(); PreparedStatement ps = c.prepareStatement("""
                insert into authority_version (region_code, version, name, address, contact, change_reason, recorded_at, recorded_by)
                values (?, ?, ?, ?, ?, ?, ?, ?)""")) {
            ps.setString(1, region);
            ps.setInt(2, v.version());
            ps.setString(3, v.name());
            ps.setString(4, v.address());
            ps.setString(5, v.contact());
            ps.setString(6, v.changeReason());
            ps.setTimestamp(7, Timestamp.from(v.recordedAt()));
            ps.setString(8, v.recordedBy());
            ps.executeUpdate();
        }
    }

    private List<AuthorityVersion> query(String sql, String region) {
        try (Connection c = dataSource.getConnection(); PreparedStatement ps = c.prepareStatement(sql)) {
            ps.setString(1, region);
            List<AuthorityVersion> out = new ArrayList<>();
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    out.add(row(rs));
                }
            }
            return out;
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    private static AuthorityVersion row(ResultSet rs) throws SQLException {
        return new AuthorityVersion(rs.getInt("version"), rs.getString("name"), rs.getString("address"), rs.getString("contact"),
                rs.getString("change_reason"), rs.getTimestamp("recorded_at").toInstant(), rs.getString("recorded_by"));
    }
}
