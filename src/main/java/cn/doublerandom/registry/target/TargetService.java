package cn.doublerandom.registry.target;

import cn.doublerandom.platform.ServiceClock;
import cn.doublerandom.registry.history.Stored;
import cn.doublerandom.registry.history.ChangeSet;
import cn.doublerandom.platform.problem.ProblemException;
import cn.doublerandom.platform.problem.ProblemType;
import cn.doublerandom.region.RegionDirectory;
import cn.doublerandom.registry.history.RegistryEntity;
import cn.doublerandom.registry.history.RegistryHistory;
import cn.doublerandom.security.Caller;
import cn.doublerandom.security.RegionScope;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;
import java.util.Map;

/** Writes to the target registry: one path for a single record and for a whole imported file. */
@ApplicationScoped
public class TargetService {

    @Inject
    cn.doublerandom.audit.AuditTrail audit;

    @Inject
    TargetStore store;

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

    public TargetData check(String uscc, TargetInput input) {
        TargetRules.Checked checked = TargetRules.check(uscc, input, regions);
        if (!checked.ok()) {
            boolean onlyUscc = checked.problems().stream().allMatch(p -> "uscc".equals(p.field()));
            throw new ProblemException(onlyUscc ? ProblemType.INVALID_USCC : ProblemType.VALIDATION_FAILED,
                    checked.problems().get(0).field() + ": " + checked.problems().get(0).message(), checked.problems());
        }
        return checked.data();
    }

    @Transactional
    public ChangeSet.Outcome<TargetData> put(String uscc, TargetInput input, Integer expectedVersion) {
        TargetData data = check(uscc, input);
        if (expectedVersion != null) {
            int current = store.find(data.uscc()).map(Stored<TargetData>::version).orElse(0);
            if (current != expectedVersion) {
                throw new ProblemException(ProblemType.VERSION_MISMATCH, "target " + uscc + " is at version " + current
                        + ", the request expected " + expectedVersion);
            }
        }
        return apply(List.of(data), false, input.changeReason());
    }

    /** Upserts checked records by USCC in one transaction; a record equal to the stored one is left alone. */
    /** What an import of these checked records would do, as counts; nothing is locked or written (a dry run). */
    public ChangeSet.Outcome<TargetData> preview(List<TargetData> rows) {
        try (Connection c = store.connection()) {
            return plan(c, rows, true, null, false).outcome();
        } catch (SQLException e) {
            throw new IllegalStateException("reading targets", e);
        }
    }

    private ChangeSet<TargetData> plan(Connection c, List<TargetData> rows, boolean imported, String reason, boolean lock)
            throws SQLException {
        Map<String, Stored<TargetData>> existing = store.load(c, rows.stream().map(TargetData::uscc).toList(), lock);
        return ChangeSet.plan(RegistryEntity.TARGET, rows, existing, TargetData::uscc, TargetData::regionCode,
                scope::requireRegistryWrite, imported, reason, clock.now(), caller.signature());
    }

    @Transactional
    public ChangeSet.Outcome<TargetData> apply(List<TargetData> rows, boolean imported, String reason) {
        try (Connection c = store.connection()) {
            ChangeSet<TargetData> changes = plan(c, rows, imported, reason, true);
            store.write(c, changes.written());
            history.append(c, changes.versions());
            ChangeSet.Outcome<TargetData> outcome = changes.outcome();
            audit.record(imported ? "IMPORT" : "PUT", "TARGET", rows.size() == 1 && !imported ? rows.get(0).uscc() : "*",
                    rows.isEmpty() ? null : rows.get(0).regionCode(), outcome.summary(reason));
            return outcome;
        } catch (SQLException e) {
            throw new IllegalStateException("writing targets", e);
        }
    }

    /**
     * Targets as they stood at the end of the given business dates, for records that must show the
     * facts of their own day (a check's form); one not registered by then is absent. No region check:
     * for callers that have scoped their question already.
     */
    public Map<RegistryHistory.KeyAt, TargetData> asOf(java.util.Collection<RegistryHistory.KeyAt> asked) {
        return history.asOf(RegistryEntity.TARGET, asked, TargetData.class);
    }

    /** The target now, or as it stood at the end of {@code asOf} (a business date). */
    public Stored<TargetData> get(String uscc, java.time.LocalDate asOf) {
        Stored<TargetData> now = store.find(uscc).orElseThrow(() -> ProblemException.notFound("no target " + uscc));
        scope.requireRead(now.data().regionCode());
        return history.asOf(RegistryEntity.TARGET, uscc, now, asOf, TargetData.class);
    }
}
