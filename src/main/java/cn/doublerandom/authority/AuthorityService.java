package cn.doublerandom.authority;

import cn.doublerandom.audit.AuditTrail;
import cn.doublerandom.platform.ServiceClock;
import cn.doublerandom.platform.database.Constraints;
import cn.doublerandom.platform.problem.ProblemException;
import cn.doublerandom.platform.problem.ProblemType;
import cn.doublerandom.region.Region;
import cn.doublerandom.region.RegionDirectory;
import cn.doublerandom.registry.FieldRules;
import cn.doublerandom.security.Caller;
import cn.doublerandom.security.RegionScope;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import jakarta.persistence.PersistenceException;

import java.util.List;
import java.util.Objects;

/**
 * The registry of enforcement authorities: each region's bureau with its official name, address and
 * contact, every version kept. A bureau keeps its own record; an administrator those of its subtree.
 */
@ApplicationScoped
public class AuthorityService {

    @Inject
    AuthorityDirectory directory;

    @Inject
    RegionDirectory regions;

    @Inject
    RegionScope scope;

    @Inject
    Caller caller;

    @Inject
    ServiceClock clock;

    @Inject
    AuditTrail audit;

    /** The authority as it stands: its latest version, or the default name at version 0. */
    public AuthorityView view(String regionCode) {
        Region r = regions.require("region", regionCode);
        return AuthorityRecord.latest(r.code()).map(v -> new AuthorityView(r.code(), r.name(), v.name(), v.address(), v.contact(),
                        v.version(), true, v.recordedAt(), v.recordedBy()))
                .orElseGet(() -> new AuthorityView(r.code(), r.name(), directory.defaultName(r), null, null, 0, false, null, null));
    }

    public List<AuthorityVersion> history(String regionCode) {
        return AuthorityRecord.versions(regions.require("region", regionCode).code());
    }

    /**
     * Records a new version. {@code expectedVersion} (If-Match) guards against a lost update; a record
     * equal to the one in force changes nothing.
     */
    @Transactional
    public AuthorityView put(String regionCode, AuthorityInput in, Integer expectedVersion) {
        Region r = regions.require("region", regionCode);
        if (!scope.canWriteRegistry(r.code()) && !scope.canAdminister(r.code())) {
            throw scope.refused("change the authority of", r.code());
        }
        if (in == null) {
            throw ProblemException.invalid("body", "a JSON body is required");
        }
        FieldRules f = new FieldRules();
        String name = f.text("name", in.name(), 100, true);
        String address = f.text("address", in.address(), 200, false);
        String contact = f.text("contact", in.contact(), 100, false);
        String reason = f.text("changeReason", in.changeReason(), 500, true);
        if (name != null && name.codePointCount(0, name.length()) < 4) {
            f.fail("name", name, "must be the authority's official name, e.g. " + directory.defaultName(r));
        }
        if (!f.ok()) {
            throw new ProblemException(ProblemType.VALIDATION_FAILED, f.problems().get(0).field() + ": "
                    + f.problems().get(0).message(), f.problems());
        }
        AuthorityVersion before = AuthorityRecord.latest(r.code()).orElse(null);
        int current = before == null ? 0 : before.version();
        if (expectedVersion != null && expectedVersion != current) {
            throw new ProblemException(ProblemType.VERSION_MISMATCH, "the authority of " + r.code() + " is at version " + current
                    + ", the request expected " + expectedVersion);
        }
        if (before != null && before.name().equals(name) && Objects.equals(before.address(), address)
                && Objects.equals(before.contact(), contact)) {
            return view(r.code());
        }
        AuthorityVersion next = new AuthorityVersion(current + 1, name, address, contact, reason, clock.now(), caller.signature());
        try {
            AuthorityRecord.append(r.code(), next);
        } catch (PersistenceException e) {
            if (Constraints.isUniqueViolation(e)) {
                throw new ProblemException(ProblemType.VERSION_MISMATCH, "the authority of " + r.code()
                        + " was changed by another request meanwhile; read it again");
            }
            throw e;
        }
        audit.record("PUT", "AUTHORITY", r.code(), r.code(), reason);
        directory.forget();
        return new AuthorityView(r.code(), r.name(), name, address, contact, next.version(), true, next.recordedAt(),
                next.recordedBy());
    }
}
