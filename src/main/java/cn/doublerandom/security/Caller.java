package cn.doublerandom.security;

import cn.doublerandom.platform.problem.ProblemException;
import cn.doublerandom.platform.problem.ProblemType;
import cn.doublerandom.region.RegionDirectory;
import io.quarkus.security.identity.SecurityIdentity;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.jwt.JsonWebToken;

import java.util.List;

/**
 * Who is calling: user name, role and the region their token is scoped to. The region claim is
 * {@code ALL} only for a national auditor.
 */
@RequestScoped
public class Caller {

    public static final String ALL_REGIONS = "ALL";
    private static final List<String> ROLES = List.of(Role.OPERATOR, Role.CITY, Role.AUDITOR, Role.ADMIN);

    @Inject
    SecurityIdentity identity;

    @Inject
    JsonWebToken token;

    @Inject
    RegionDirectory regions;

    @Inject
    SecurityConfig config;

    public boolean isAnonymous() {
        return identity.isAnonymous();
    }

    public String user() {
        return identity.isAnonymous() ? "anonymous" : identity.getPrincipal().getName();
    }

    public String role() {
        return ROLES.stream().filter(identity::hasRole).findFirst()
                .orElseThrow(() -> new ProblemException(ProblemType.FORBIDDEN, "the token carries none of the roles "
                        + ROLES));
    }

    /**
     * The token's region, checked against the region directory: a signed token is trusted for who
     * issued it, not for holding a well-formed region, and an empty or wildcard claim must never
     * widen a scope. {@code ALL} is accepted for an auditor only.
     */
    public String region() {
        String regionClaim = config.regionClaim();
        Object claim = token == null ? null : token.getClaim(regionClaim);
        if (claim == null) {
            throw new ProblemException(ProblemType.FORBIDDEN, "the token has no '" + regionClaim + "' claim");
        }
        String region = claim.toString().replace("\"", "");
        if (ALL_REGIONS.equals(region)) {
            if (!identity.hasRole(Role.AUDITOR)) {
                throw new ProblemException(ProblemType.FORBIDDEN, "the '" + regionClaim + "' claim ALL is for auditors only");
            }
            return region;
        }
        if (regions.find(region) == null) {
            throw new ProblemException(ProblemType.UNAUTHENTICATED, "the token's '" + regionClaim
                    + "' claim is not a known region code");
        }
        return region;
    }

    /** "operator@130123 (zhangsan)": how the caller is written in history rows. */
    public String signature() {
        return user() + " [" + role() + "@" + region() + "]";
    }
}
