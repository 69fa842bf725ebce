package cn.doublerandom.platform.logging;

import cn.doublerandom.platform.PlatformConfig;
import io.quarkus.runtime.StartupEvent;
import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import org.jboss.logmanager.ExtHandler;
import org.jboss.logmanager.LogContext;
import org.jboss.logmanager.handlers.ConsoleHandler;

import java.util.logging.Handler;

/**
 * Switches the console to JSON lines ({@code doublerandom.log.json=true}, the production default).
 * Quarkus's own JSON logging extension does not resolve from this workplace's Maven mirror, so the
 * console handler gets {@link JsonLogFormatter} at start; the few lines logged before (Flyway's
 * migration report) stay plain text.
 */
@ApplicationScoped
public class JsonLogging {

    @Inject
    PlatformConfig config;

    void onStart(@Observes @Priority(1) StartupEvent event) {
        if (config.log().json()) {
            for (Handler h : LogContext.getLogContext().getLogger("").getHandlers()) {
                install(h);
            }
        }
    }

    private static void install(Handler handler) {
        if (handler instanceof ConsoleHandler console) {
            console.setFormatter(new JsonLogFormatter());
        }
        if (handler instanceof ExtHandler ext) {
            for (Handler child : ext.getHandlers()) {
                install(child);
            }
        }
    }
}
