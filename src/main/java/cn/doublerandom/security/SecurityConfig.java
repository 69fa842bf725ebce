package cn.doublerandom.security;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** How tokens are read. The issuer and its key are MicroProfile JWT's own settings ({@code mp.jwt.verify.*}). */
@ConfigMapping(prefix = "doublerandom.security")
public interface SecurityConfig {

    /** The token claim holding the caller's region code (GB/T 2260). */
    @WithDefault("region")
    String regionClaim();

    /** Whether /dev/tokens mints demo users' tokens: only with the local key pair of dev, test and demo. */
    @WithDefault("false")
    boolean devTokens();
}
