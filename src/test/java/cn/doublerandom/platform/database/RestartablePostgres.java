package cn.doublerandom.platform.database;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

/**
 * A PostgreSQL of the test's own, on a fixed port and data directory, that the test stops and
 * starts again while requests run. Never the shared test database.
 */
public class RestartablePostgres implements QuarkusTestResourceLifecycleManager {

    static volatile EmbeddedPostgres server;
    static Path dataDirectory;
    static int port;

    @Override
    public Map<String, String> start() {
        try {
            dataDirectory = Files.createTempDirectory("restartable-pg");
            try (ServerSocket socket = new ServerSocket(0)) {
                port = socket.getLocalPort();
            }
            startServer();
            return Map.of("quarkus.datasource.jdbc.url", "jdbc:postgresql://localhost:" + port + "/postgres",
                    "quarkus.datasource.username", "postgres", "quarkus.datasource.password", "postgres");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static synchronized void startServer() throws IOException {
        server = EmbeddedPostgres.builder().setDataDirectory(dataDirectory).setCleanDataDirectory(false).setPort(port).start();
    }

    static synchronized void stopServer() throws IOException {
        server.close();
    }

    @Override
    public void stop() {
        try {
            stopServer();
        } catch (IOException ignored) {
            // already stopped
        }
    }
}
