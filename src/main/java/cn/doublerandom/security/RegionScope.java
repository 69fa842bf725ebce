package cn.doublerandom.security;

import cn.doublerandom.platform.problem.ProblemException;
import cn.doublerandom.platform.problem.ProblemType;
import cn.doublerandom.region.RegionDirectory;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;

/**
 * Region scoping of every read and write: the token's region decides which registries, draws and
 * results a caller may touch. A refused request gets a 403 problem, never an empty list that hides
 * the rule.
 */
@RequestScoped
public class RegionScope {

    @Inject
    Caller caller;

    @Inject
    RegionDirectory regions;

    /** The region a listing defaults to when the caller names none: their own. */
    public String home() {
        return caller.region();
    }

    public boolean canRead(String regionCode) {
        String home = caller.region();
        return switch (caller.role()) {
            case Role.OPERATOR -> home.equals(regionCode);
            case Role.CITY, Role.ADMIN -> regions.isWithin(regionCode, home);
            case Role.AUDITOR -> Caller.ALL_REGIONS.equals(home) || regions.isWithin(regionCode, home);
            default -> false;
        };
    }

    /** Registries: an operator writes its own region; a city only its own city-level data. */
    public boolean canWriteRegistry(String regionCode) {
        String role = caller.role();
        return (Role.OPERATOR.equals(role) || Role.CITY.equals(role)) && caller.region().equals(regionCode);
    }

    /** Item lists and policies: an administrator, for its region subtree. */
    public boolean canAdminister(String regionCode) {
        return Role.ADMIN.equals(caller.role()) && regions.isWithin(regionCode, caller.region());
    }

    public void requireRead(String regionCode) {
        if (!canRead(regionCode)) {
            throw refused("read", regionCode);
        }
    }

    public void requireRegistryWrite(String regionCode) {
        if (!canWriteRegistry(regionCode)) {
            throw refused("change the registry of", regionCode);
        }
    }

    public void requireAdminister(String regionCode) {
        if (!canAdminister(regionCode)) {
            throw refused("administer", regionCode);
        }
    }

    public ProblemException refused(String action, String regionCode) {
        return new ProblemException(ProblemType.FORBIDDEN, caller.role() + " of region " + caller.region()
                + " may not " + action + " region " + regionCode);
    }
}
