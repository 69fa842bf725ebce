package cn.doublerandom.security;

import cn.doublerandom.platform.problem.ProblemException;
import cn.doublerandom.platform.problem.ProblemType;
import io.quarkus.security.identity.SecurityIdentity;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.config.inject.ConfigProperty;
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

    @ConfigProperty(name = "doublerandom.security.region-claim")
    String regionClaim;

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

    public String region() {
        Object claim = token == null ? null : token.getClaim(regionClaim);
        if (claim == null) {
            throw new ProblemException(ProblemType.FORBIDDEN, "the token has no '" + regionClaim + "' claim");
        }
        return claim.toString().replace("\"", "");
    }

    /** "operator@130123 (zhangsan)": how the caller is written in history rows. */
    public String signature() {
        return user() + " [" + role() + "@" + region() + "]";
    }
}
