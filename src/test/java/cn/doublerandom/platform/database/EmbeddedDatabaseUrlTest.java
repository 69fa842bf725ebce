package cn.doublerandom.platform.database;

import io.smallrye.config.ConfigSourceContext;
import io.smallrye.config.ConfigValue;
import org.eclipse.microprofile.config.spi.ConfigSource;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.Collections;
import java.util.Iterator;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A packaged jar run as the demo gets a fresh embedded database, not the URL of the one the build
 * started (recorded into the jar as a weak default, its port long gone); an operator's URL wins; and
 * the production profile never gets an embedded database, so it stops at start without one.
 */
class EmbeddedDatabaseUrlTest {

    private static final String RUNNING = "jdbc:postgresql://localhost:54999/postgres?user=postgres";
    private static final String RECORDED_BY_THE_BUILD = "jdbc:postgresql://localhost:41234/postgres?user=postgres";

    private String before;

    @BeforeEach
    void anEmbeddedServerIsAlreadyRunning() {
        // startOnce() answers the running server's URL from this property instead of starting one
        before = System.getProperty(EmbeddedPostgresConfigSourceFactory.URL_PROPERTY);
        System.setProperty(EmbeddedPostgresConfigSourceFactory.URL_PROPERTY, RUNNING);
    }

    @AfterEach
    void restore() {
        if (before == null) {
            System.clearProperty(EmbeddedPostgresConfigSourceFactory.URL_PROPERTY);
        } else {
            System.setProperty(EmbeddedPostgresConfigSourceFactory.URL_PROPERTY, before);
        }
    }

    @Test
    void theDemoJarIgnoresTheUrlItsBuildRecorded() {
        List<ConfigSource> sources = sources("demo", RECORDED_BY_THE_BUILD, Integer.MIN_VALUE + 100);
        assertEquals(1, sources.size());
        assertEquals(RUNNING, sources.get(0).getValue("quarkus.datasource.jdbc.url"));
        assertTrue(sources.get(0).getOrdinal() > Integer.MIN_VALUE + 100, "it outranks the recorded default");
        assertEquals(RUNNING, sources("demo", null, 0).get(0).getValue("quarkus.datasource.jdbc.url"));
    }

    @Test
    void anOperatorsUrlWins() {
        // environment (300) and application.properties (250) are an operator's
        for (int ordinal : new int[] {EmbeddedPostgresConfigSourceFactory.CONFIGURED, 250, 300}) {
            assertEquals(List.of(), sources("demo", "jdbc:postgresql://db:5432/doublerandom", ordinal), "ordinal " + ordinal);
        }
        // a blank one is no URL at all
        assertEquals(1, sources("demo", " ", 300).size());
    }

    @Test
    void productionNeverGetsAnEmbeddedDatabase() {
        assertEquals(List.of(), sources("prod", null, 0));
        assertEquals(List.of(), sources("prod", RECORDED_BY_THE_BUILD, Integer.MIN_VALUE + 100));
        assertEquals(List.of(), sources("staging", null, 0));
    }

    private static List<ConfigSource> sources(String profile, String url, int ordinal) {
        ConfigSourceContext context = new ConfigSourceContext() {
            @Override
            public ConfigValue getValue(String name) {
                if (!name.equals("quarkus.datasource.jdbc.url") || url == null) {
                    return null;
                }
                return ConfigValue.builder().withName(name).withValue(url).withConfigSourceOrdinal(ordinal).build();
            }

            @Override
            public Iterator<String> iterateNames() {
                return Collections.emptyIterator();
            }

            @Override
            public List<String> getProfiles() {
                return List.of(profile);
            }
        };
        List<ConfigSource> out = new ArrayList<>();
        new EmbeddedPostgresConfigSourceFactory().getConfigSources(context).forEach(out::add);
        return out;
    }
}
