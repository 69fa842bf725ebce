package cn.doublerandom.report.assessment;

import cn.doublerandom.platform.database.Sql;
import cn.doublerandom.platform.ServiceClock;
import cn.doublerandom.region.Region;
import cn.doublerandom.region.RegionDirectory;
import cn.doublerandom.report.scoring.ScoringScheme;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.agroal.api.AgroalDataSource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** The scoring schemes cities record (table scoring_scheme): append-only versions per city and year. */
@ApplicationScoped
public class SchemeStore {

    /** One version of a city's scheme for a year. */
    public record Version(String region, int year, int version, ScoringScheme scheme, String reason, Instant recordedAt,
                          String recordedBy) {
    }

    @Inject
    AgroalDataSource dataSource;

    @Inject
    ObjectMapper json;

    @Inject
    RegionDirectory regions;

    @Inject
    ServiceClock clock;

    /** Every version, oldest first. */
    public List<Version> history(String region, int year) {
        return read("select * from scoring_scheme where region_code = ? and year = ? order by version", region, year);
    }

    public Optional<Version> current(String region, int year) {
        List<Version> v = read("select * from scoring_scheme where region_code = ? and year = ? order by version desc limit 1",
                region, year);
        return v.isEmpty() ? Optional.empty() : Optional.of(v.get(0));
    }

    /** The scheme that scores a region's assessment: the region's own, else the nearest above it; none: the default. */
    public Optional<Version> effective(String region, int year) {
        for (Region r = regions.find(region); r != null; r = r.parentCode() == null ? null : regions.find(r.parentCode())) {
            Optional<Version> v = current(r.code(), year);
            if (v.isPresent()) {
                return v;
            }
        }
        return Optional.empty();
    }

    /** Appends a version unless the scheme is the one in force; answers the version in force and whether it is new. */
    @Transactional
    public Version put(String region, int year, ScoringScheme scheme, String reason, String by, boolean[] created) {
        try (Connection c = dataSource.getConnection()) {
            // one writer per city and year: the next version number is taken under the lock
            Sql.lockForTransaction(c, "scoring_scheme/" + region + "/" + year);
            Optional<Version> before = current(c, region, year);
            if (before.isPresent() && before.get().scheme().equals(scheme)) {
                return before.get();
            }
            int version = before.map(v -> v.version() + 1).orElse(1);
            Instant now = clock.now();
            try (PreparedStatement ps = c.prepareStatement("""
                    insert into scoring_scheme (region_code, year, version, scheme, reason, recorded_at, recorded_by)
                    values (?, ?, ?, ?::jsonb, ?, ?, ?)""")) {
                ps.setString(1, region);
                ps.setInt(2, year);
                ps.setInt(3, version);
                ps.setString(4, json.writeValueAsString(scheme));
                ps.setString(5, reason);
                ps.setTimestamp(6, Timestamp.from(now));
                ps.setString(7, by);
                ps.executeUpdate();
            }
            created[0] = true;
            return new Version(region, year, version, scheme, reason, now, by);
        } catch (SQLException | JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private Optional<Version> current(Connection c, String region, int year) throws SQLException {
        List<Version> v = read(c, "select * from scoring_scheme where region_code = ? and year = ? order by version desc limit 1",
                region, year);
        return v.isEmpty() ? Optional.empty() : Optional.of(v.get(0));
    }

    private List<Version> read(String sql, String region, int year) {
        try (Connection c = dataSource.getConnection()) {
            return read(c, sql, region, year);
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    private List<Version> read(Connection c, String sql, String region, int year) throws SQLException {
        List<Version> out = new ArrayList<>();
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            ps.setString(1, region);
            ps.setInt(2, year);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    out.add(new Version(rs.getString("region_code"), rs.getInt("year"), rs.getInt("version"),
                            json.readValue(rs.getString("scheme"), ScoringScheme.class), rs.getString("reason"),
                            rs.getTimestamp("recorded_at").toInstant(), rs.getString("recorded_by")));
                }
            }
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
        return out;
    }
}
