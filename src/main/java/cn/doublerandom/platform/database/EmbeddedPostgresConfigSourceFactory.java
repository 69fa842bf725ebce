package cn.doublerandom.platform.database;

import io.smallrye.config.ConfigSourceContext;
import io.smallrye.config.ConfigSourceFactory;
import io.smallrye.config.ConfigValue;
import io.smallrye.config.PropertiesConfigSource;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.eclipse.microprofile.config.spi.ConfigSource;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Supplies a datasource URL pointing at an embedded PostgreSQL when none is configured, so that a
 * newcomer needs only a JDK. Active only in the {@code dev}, {@code test} and {@code demo} profiles;
 * the production profile never starts one and fails fast without a database.
 *
 * <p>The server is started once per JVM: Quarkus builds its configuration several times and in
 * several class loaders (augmentation, each test application), so the URL is kept in a system
 * property rather than a static field.
 */
public class EmbeddedPostgresConfigSourceFactory implements ConfigSourceFactory {

    /** Not a setting: outside doublerandom.*, where every key must be one the config mappings declare. */
    static final String URL_PROPERTY = "cn.doublerandom.embedded-postgres.url";
    private static final Set<String> PROFILES = Set.of("dev", "test", "demo");

    /**
     * A URL from a source at least this strong (microprofile-config.properties, application.properties,
     * .env, environment, system properties) is an operator's. Weaker are the defaults a build records
     * into the jar, among them the URL of the embedded server the build itself started, whose port is
     * gone by the time the jar runs: {@code QUARKUS_PROFILE=demo java -jar} would connect to nothing.
     */
    static final int CONFIGURED = 100;

    @Override
    public Iterable<ConfigSource> getConfigSources(ConfigSourceContext context) {
        ConfigValue configured = context.getValue("quarkus.datasource.jdbc.url");
        if (configured != null && configured.getValue() != null && !configured.getValue().isBlank()
                && configured.getConfigSourceOrdinal() >= CONFIGURED) {
            return List.of();
        }
        if (context.getProfiles().stream().noneMatch(PROFILES::contains)) {
            return List.of();
        }
        String url = startOnce();
        return List.of(new PropertiesConfigSource(Map.of(
                "quarkus.datasource.jdbc.url", url,
                "quarkus.datasource.username", "postgres",
                "quarkus.datasource.password", "postgres"), "embedded-postgresql", 275));
    }

    private static synchronized String startOnce() {
        String url = System.getProperty(URL_PROPERTY);
        if (url != null) {
            return url;
        }
        try {
            EmbeddedPostgres postgres = EmbeddedPostgres.builder()
                    .setServerConfig("max_connections", "200")
                    .start();
            url = postgres.getJdbcUrl("postgres", "postgres");
            System.setProperty(URL_PROPERTY, url);
            Runtime.getRuntime().addShutdownHook(new Thread(() -> {
                try {
                    postgres.close();
                } catch (IOException ignored) {
                    // the JVM is going away; the data directory is temporary
                }
            }, "embedded-postgres-shutdown"));
            return url;
        } catch (IOException e) {
            throw new UncheckedIOException("could not start the embedded PostgreSQL", e);
        }
    }
}
