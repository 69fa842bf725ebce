package cn.doublerandom.registry.inspector;

import cn.doublerandom.platform.ServiceClock;
import cn.doublerandom.platform.problem.ProblemException;
import cn.doublerandom.platform.problem.ProblemType;
import cn.doublerandom.region.RegionDirectory;
import cn.doublerandom.registry.history.ChangeSet;
import cn.doublerandom.registry.history.RegistryEntity;
import cn.doublerandom.registry.history.RegistryHistory;
import cn.doublerandom.registry.history.Stored;
import cn.doublerandom.security.Caller;
import cn.doublerandom.security.RegionScope;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

/** Writes to the inspector registry: one path for a single record and for a whole imported file. */
@ApplicationScoped
public class InspectorService {

    @Inject
    cn.doublerandom.audit.AuditTrail audit;

    @Inject
    InspectorStore store;

    @Inject
    RegistryHistory history;

    @Inject
    RegionDirectory regions;

    @Inject
    RegionScope scope;

    @Inject
    Caller caller;

    @Inject
    ServiceClock clock;

    public InspectorData check(String code, InspectorInput input) {
        InspectorRules.Checked checked = InspectorRules.check(code, input, regions);
        if (!checked.ok()) {
            var first = checked.problems().get(0);
            ProblemType type = "regionCode".equals(first.field()) && "unknown region code".equals(first.message())
                    ? ProblemType.UNKNOWN_REGION : ProblemType.VALIDATION_FAILED;
            throw new ProblemException(type, first.field() + ": " + first.message(), checked.problems());
        }
        return checked.data();
    }

    @Transactional
    public ChangeSet.Outcome<InspectorData> put(String code, InspectorInput input, Integer expectedVersion) {
        InspectorData data = check(code, input);
        if (expectedVersion != null) {
            RegistryHistory.requireVersion(RegistryEntity.INSPECTOR, code, store.find(data.code()).map(Stored::version).orElse(0),
                    expectedVersion);
        }
        return apply(List.of(data), false, input.changeReason());
    }

    /** What an import of these checked records would do, as counts; nothing is locked or written (a dry run). */
    public ChangeSet.Outcome<InspectorData> preview(List<InspectorData> rows) {
        try (Connection c = store.connection()) {
            return plan(c, rows, true, null, false).outcome();
        } catch (SQLException e) {
            throw new IllegalStateException("reading inspectors", e);
        }
    }

    private ChangeSet<InspectorData> plan(Connection c, List<InspectorData> rows, boolean imported, String reason, boolean lock)
            throws SQLException {
        Map<String, Stored<InspectorData>> existing = store.load(c, rows.stream().map(InspectorData::code).toList(), lock);
        return ChangeSet.plan(RegistryEntity.INSPECTOR, rows, existing, InspectorData::code, InspectorData::regionCode,
                scope::requireRegistryWrite, imported, reason, clock.now(), caller.signature());
    }

    @Transactional
    public ChangeSet.Outcome<InspectorData> apply(List<InspectorData> rows, boolean imported, String reason) {
        try (Connection c = store.connection()) {
            ChangeSet<InspectorData> changes = plan(c, rows, imported, reason, true);
            store.insert(c, changes.inserts());
            store.update(c, changes.updates());
            history.append(c, changes.versions());
            ChangeSet.Outcome<InspectorData> outcome = changes.outcome();
            audit.record(imported ? "IMPORT" : "PUT", "INSPECTOR", rows.size() == 1 && !imported ? rows.get(0).code() : "*",
                    rows.isEmpty() ? null : rows.get(0).regionCode(),
                    outcome.summary(reason));
            return outcome;
        } catch (SQLException e) {
            throw new IllegalStateException("writing inspectors", e);
        }
    }

    public Stored<InspectorData> get(String code, LocalDate asOf) {
        Stored<InspectorData> now = store.find(code).orElseThrow(() -> ProblemException.notFound("no inspector " + code));
        scope.requireRead(now.data().regionCode());
        return history.asOf(RegistryEntity.INSPECTOR, code, now, asOf, InspectorData.class);
    }
}
