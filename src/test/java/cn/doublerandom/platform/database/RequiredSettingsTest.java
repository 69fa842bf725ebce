package cn.doublerandom.platform.database;

import org.junit.jupiter.api.Test;

import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

/** Production's missing settings are named in one line by the variables an operator sets. */
class RequiredSettingsTest {

    @Test
    void oneLineNamesEveryMissingSetting() {
        assertEquals("doublerandom cannot start in production: set QUARKUS_DATASOURCE_JDBC_URL (the PostgreSQL database, "
                        + "e.g. jdbc:postgresql://db:5432/doublerandom) and MP_JWT_VERIFY_ISSUER (the issuer (iss) of the "
                        + "identity provider's tokens); see docs/operators.md, Configuration",
                RequiredSettings.missing(Map.<String, String>of()::get));
        assertEquals("doublerandom cannot start in production: set MP_JWT_VERIFY_ISSUER (the issuer (iss) of the "
                        + "identity provider's tokens); see docs/operators.md, Configuration",
                RequiredSettings.missing(Map.of("quarkus.datasource.jdbc.url", "jdbc:postgresql://db/x",
                        "mp.jwt.verify.issuer", " ")::get));
        assertNull(RequiredSettings.missing(Map.of("quarkus.datasource.jdbc.url", "jdbc:postgresql://db/x",
                "mp.jwt.verify.issuer", "https://idp.example.cn")::get));
    }
}
