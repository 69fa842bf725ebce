package cn.doublerandom.audit;

import io.agroal.api.AgroalDataSource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/** The SQL of the audit trail ({@code audit_event}): {@link AuditTrail}'s insert and {@link AuditResource}'s list. */
@ApplicationScoped
class AuditStore {

    @Inject
    AgroalDataSource dataSource;

    /** Inserts one row on the connection of the caller's transaction. */
    void insert(Instant at, String actor, String role, String region, String action, String entity, String entityId,
                String entityRegion, String detail, String requestId) {
        try (Connection c = dataSource.getConnection(); PreparedStatement ps = c.prepareStatement("""
                insert into audit_event (at, actor, role, region, action, entity, entity_id, entity_region, detail, request_id)
                values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""")) {
            ps.setTimestamp(1, Timestamp.from(at));
            ps.setString(2, actor);
            ps.setString(3, role);
            ps.setString(4, region);
            ps.setString(5, action);
            ps.setString(6, entity);
            ps.setString(7, entityId);
            ps.setString(8, entityRegion);
            ps.setString(9, detail);
            ps.setString(10, requestId);
            ps.executeUpdate();
        } catch (SQLException e) {
            throw new IllegalStateException("writing the audit trail", e);
        }
    }

    /**
     * Up to {@code limit} rows, newest first, each filter applied only when not null: the entity's region under
     * {@code regionPrefix}, and rows below the id {@code before}.
     */
    List<AuditResource.AuditEvent> list(String regionPrefix, String entity, String entityId, String actor, Timestamp from,
                                        Timestamp to, Long before, int limit) {
        StringBuilder sql = new StringBuilder("select * from audit_event where true");
        List<Object> params = new ArrayList<>();
        if (regionPrefix != null) {
            sql.append(" and entity_region like ?");
            params.add(regionPrefix);
        }
        add(sql, params, " and entity = ?", entity);
        add(sql, params, " and entity_id = ?", entityId);
        add(sql, params, " and actor = ?", actor);
        add(sql, params, " and at >= ?", from);
        add(sql, params, " and at < ?", to);
        add(sql, params, " and id < ?", before);
        sql.append(" order by id desc limit ").append(limit);
        try (Connection c = dataSource.getConnection(); PreparedStatement ps = c.prepareStatement(sql.toString())) {
            for (int i = 0; i < params.size(); i++) {
                ps.setObject(i + 1, params.get(i));
            }
            List<AuditResource.AuditEvent> rows = new ArrayList<>();
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    rows.add(new AuditResource.AuditEvent(rs.getLong("id"), rs.getTimestamp("at").toInstant(), rs.getString("actor"),
                            rs.getString("role"), rs.getString("region"), rs.getString("action"), rs.getString("entity"),
                            rs.getString("entity_id"), rs.getString("entity_region"), rs.getString("detail"),
                            rs.getString("request_id")));
                }
            }
            return rows;
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    private static void add(StringBuilder sql, List<Object> params, String clause, Object value) {
        if (value != null) {
            sql.append(clause);
            params.add(value);
        }
    }
}
