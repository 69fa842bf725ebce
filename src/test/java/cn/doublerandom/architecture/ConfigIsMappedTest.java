package cn.doublerandom.architecture;

import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import io.smallrye.config.ConfigMapping;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.TreeMap;
import java.util.stream.Collectors;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The service's settings are read through one {@code @ConfigMapping} per capability, where each key
 * is declared with its default once: no class looks a key up by name ({@code @ConfigProperty},
 * {@code ConfigProvider}, an injected {@code Config}), and application.properties only sets what a
 * profile changes.
 */
class ConfigIsMappedTest {

    private static final String ROOT = "cn.doublerandom";

    private final JavaClasses main = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages(ROOT);

    @Test
    void noClassLooksAKeyUpByName() {
        noClasses().should().dependOnClassesThat()
                .resideInAnyPackage("org.eclipse.microprofile.config", "org.eclipse.microprofile.config.inject")
                .because("a key read by name is a second place for its name and default; inject the capability's @ConfigMapping")
                .check(main);
    }

    @Test
    void eachCapabilityHasOneConfigMappingAtItsRoot() {
        List<JavaClass> mappings = main.stream().filter(c -> c.isAnnotatedWith(ConfigMapping.class)).toList();
        assertTrue(mappings.size() >= 7, "the capabilities' mappings were found: " + mappings);
        Map<String, List<String>> byCapability = mappings.stream().collect(Collectors.groupingBy(
                ConfigIsMappedTest::capability, TreeMap::new, Collectors.mapping(JavaClass::getName, Collectors.toList())));
        for (var e : byCapability.entrySet()) {
            assertEquals(1, e.getValue().size(), "one @ConfigMapping for " + e.getKey() + ": " + e.getValue());
            String name = e.getValue().get(0);
            String capability = e.getKey();
            String expected = ROOT + "." + capability + "." + Character.toUpperCase(capability.charAt(0))
                    + capability.substring(1) + "Config";
            assertEquals(expected, name, "a capability's mapping is <Capability>Config at its root");
        }
    }

    @Test
    void applicationPropertiesSetsNoDefaultOfTheService() throws IOException {
        Properties p = new Properties();
        try (InputStream in = getClass().getClassLoader().getResourceAsStream("application.properties")) {
            p.load(new InputStreamReader(in, StandardCharsets.UTF_8));
        }
        List<String> defaults = p.stringPropertyNames().stream().filter(k -> k.startsWith("doublerandom.")).sorted().toList();
        assertEquals(List.of(), defaults, "defaults of doublerandom.* keys belong in the @ConfigMapping's @WithDefault");
        assertTrue(p.stringPropertyNames().contains("%test.doublerandom.publication.batch"), "the file was read");
    }

    @Test
    void aScheduleTakesItsTimeZoneFromTheBusinessZone() {
        // a zone written in the annotation would be a second place for the platform's business-zone default
        List<String> scheduled = new java.util.ArrayList<>();
        List<String> literal = new java.util.ArrayList<>();
        main.stream().flatMap(c -> c.getMethods().stream()).forEach(m -> m.getAnnotations().stream()
                .filter(a -> a.getRawType().getName().equals("io.quarkus.scheduler.Scheduled")).forEach(a -> {
                    scheduled.add(m.getFullName());
                    String cron = (String) a.get("cron").orElse("");
                    String zone = (String) a.get("timeZone").orElse("");
                    // a cron names hours and days, which are the business zone's, not the JVM's (the default)
                    if (!cron.isEmpty() && !zone.equals("{doublerandom.business-zone}")) {
                        literal.add(m.getFullName() + " timeZone = " + zone);
                    }
                }));
        assertTrue(scheduled.size() >= 3, "the scheduled jobs were found: " + scheduled);
        assertEquals(List.of(), literal, "a cron job runs in the business zone: timeZone = \"{doublerandom.business-zone}\"");
    }

    private static String capability(JavaClass c) {
        String rest = c.getPackageName().substring(ROOT.length() + 1);
        int dot = rest.indexOf('.');
        return dot < 0 ? rest : rest.substring(0, dot);
    }
}
