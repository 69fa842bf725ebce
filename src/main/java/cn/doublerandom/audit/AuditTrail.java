package cn.doublerandom.audit;

import cn.doublerandom.platform.ServiceClock;
import cn.doublerandom.platform.request.RequestId;
import cn.doublerandom.security.Caller;
import io.micrometer.core.instrument.MeterRegistry;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

/**
 * The append-only audit trail of every write: who (user, role, region), when, what (action, entity
 * and id, the entity's region), and the request id. {@link #record} joins the write's own
 * transaction ({@code MANDATORY}), so a write cannot commit without its audit row. Each row also
 * counts in the metric {@code doublerandom_writes_total{entity,action}}.
 */
@ApplicationScoped
public class AuditTrail {

    @Inject
    AuditStore store;

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
        store.insert(clock.now(), caller.user(), caller.role(), caller.region(), action, entity, entityId, entityRegion, detail,
                requestId.value() == null ? "-" : requestId.value());
        // every audited write is also a metric: draws prepared, executed, failed; imports; publications
        metrics.counter("doublerandom.writes", "entity", entity, "action", action).increment();
    }
}
