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

    private static String capability(JavaClass c) {
        String rest = c.getPackageName().substring(ROOT.length() + 1);
        int dot = rest.indexOf('.');
        return dot < 0 ? rest : rest.substring(0, dot);
    }
}
