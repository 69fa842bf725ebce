package cn.doublerandom.audit;

import cn.doublerandom.platform.ServiceClock;
import cn.doublerandom.platform.request.RequestId;
import cn.doublerandom.security.Caller;
import io.agroal.api.AgroalDataSource;
import io.micrometer.core.instrument.MeterRegistry;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Timestamp;

/**
 * The append-only audit trail of every write: who (user, role, region), when, what (action, entity
 * and id, the entity's region), and the request id. {@link #record} joins the write's own
 * transaction ({@code MANDATORY}), so a write cannot commit without its audit row. Each row also
 * counts in the metric {@code doublerandom_writes_total{entity,action}}.
 */
@ApplicationScoped
public class AuditTrail {

    @Inject
    AgroalDataSource dataSource;

    @Inject
    Caller caller;

    @Inject
    RequestId requestId;

    @Inject
    ServiceClock clock;

    @Inject
    MeterRegistry metrics;

    @Transactional(Transactional.TxType.MANDATORY)
    public void record(String action, String entity, String entityId, String entityRegion, String detail) {
        try (Connection c = dataSource.getConnection(); PreparedStatement ps = c.prepareStatement("""
                insert into audit_event (at, actor, role, region, action, entity, entity_id, entity_region, detail, request_id)
                values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""")) {
            ps.setTimestamp(1, Timestamp.from(clock.now()));
            ps.setString(2, caller.user());
            ps.setString(3, caller.role());
            ps.setString(4, caller.region());
            ps.setString(5, action);
            ps.setString(6, entity);
            ps.setString(7, entityId);
            ps.setString(8, entityRegion);
            ps.setString(9, detail);
            ps.setString(10, requestId.value() == null ? "-" : requestId.value());
            ps.executeUpdate();
            // every audited write is also a metric: draws prepared, executed, failed; imports; publications
            metrics.counter("doublerandom.writes", "entity", entity, "action", action).increment();
        } catch (SQLException e) {
            throw new IllegalStateException("writing the audit trail", e);
        }
    }
}
