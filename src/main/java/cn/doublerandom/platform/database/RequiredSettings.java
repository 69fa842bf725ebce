package cn.doublerandom.platform.database;

import io.smallrye.config.ConfigSourceContext;
import io.smallrye.config.ConfigSourceFactory;
import io.smallrye.config.ConfigValue;
import org.eclipse.microprofile.config.spi.ConfigSource;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * The settings production cannot start without, checked before anything else is built: when one is
 * missing the packaged service prints one line naming each by its environment variable and exits 1,
 * instead of failing later in the datasource, Flyway and JWT beans with a stack of traces an
 * operator has to read from the bottom. Profiles other than prod start an embedded database and a
 * local key pair, so they need none of these; the build, which reads configuration too, is never stopped.
 */
public class RequiredSettings implements ConfigSourceFactory {

    /** Property, then the environment variable an operator sets and what it is. */
    private static final Map<String, String[]> REQUIRED = new LinkedHashMap<>();

    static {
        REQUIRED.put("quarkus.datasource.jdbc.url", new String[] {"QUARKUS_DATASOURCE_JDBC_URL",
                "the PostgreSQL database, e.g. jdbc:postgresql://db:5432/doublerandom"});
        REQUIRED.put("mp.jwt.verify.issuer", new String[] {"MP_JWT_VERIFY_ISSUER",
                "the issuer (iss) of the identity provider's tokens"});
    }

    @Override
    public Iterable<ConfigSource> getConfigSources(ConfigSourceContext context) {
        if (context.getProfiles().contains("prod") && context.getProfiles().size() == 1 && !building()) {
            String line = missing(name -> value(context, name));
            if (line != null) {
                System.err.println(line);
                System.err.flush();
                System.exit(1);
            }
        }
        return List.of();
    }

    private static final java.util.regex.Pattern REFERENCE = java.util.regex.Pattern.compile("\\$\\{([^:}]+)(?::([^}]*))?}");

    /** The value, with a whole-value reference such as {@code ${MP_JWT_VERIFY_ISSUER:}} followed once. */
    private static String value(ConfigSourceContext context, String name) {
        ConfigValue v = context.getValue(name);
        // a value only a build recorded (such as a demo build's embedded URL) is nobody's setting
        String text = v == null || v.getConfigSourceOrdinal() < EmbeddedPostgresConfigSourceFactory.CONFIGURED ? null : v.getValue();
        var m = text == null ? null : REFERENCE.matcher(text.strip());
        if (m != null && m.matches()) {
            ConfigValue referenced = context.getValue(m.group(1));
            return referenced != null && referenced.getValue() != null ? referenced.getValue() : m.group(2);
        }
        return text;
    }

    /** One line naming every missing setting, or null when none is. */
    static String missing(Function<String, String> value) {
        List<String> out = new ArrayList<>();
        REQUIRED.forEach((property, what) -> {
            String v = value.apply(property);
            if (v == null || v.isBlank()) {
                out.add(what[0] + " (" + what[1] + ")");
            }
        });
        return out.isEmpty() ? null : "doublerandom cannot start in production: set " + String.join(" and ", out)
                + "; see docs/operators.md, Configuration";
    }

    /** Quarkus' build reads the prod configuration too, with its deployment classes on the class path. */
    private static boolean building() {
        try {
            Class.forName("io.quarkus.deployment.Capabilities", false, RequiredSettings.class.getClassLoader());
            return true;
        } catch (ClassNotFoundException | LinkageError e) {
            return false;
        }
    }
}
