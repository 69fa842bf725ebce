package cn.doublerandom.security;

import io.smallrye.jwt.build.Jwt;

import java.time.Duration;
import java.util.Set;

/**
 * Mints tokens signed with the local key pair of the dev, test and demo profiles
 * ({@code dev-keys/}). Production verifies the identity provider's tokens instead and never has
 * this key.
 */
public final class DevTokens {

    public static final String ISSUER = "https://doublerandom.local/dev";

    private DevTokens() {
    }

    public static String mint(String user, String role, String region) {
        return Jwt.issuer(ISSUER)
                .upn(user)
                .subject(user)
                .groups(Set.of(role))
                .claim("region", region)
                .expiresIn(Duration.ofHours(12))
                .sign();
    }
}
