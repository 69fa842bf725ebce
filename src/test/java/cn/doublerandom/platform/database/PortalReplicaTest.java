package cn.doublerandom.platform.database;

import cn.doublerandom.support.Api;
import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * With the second datasource switched on, the public portal reads through it: here it points at
 * the same database as a read-only session (as a hot-standby replica is), named so that
 * pg_stat_activity shows whose connections they are.
 */
@QuarkusTest
@TestProfile(PortalReplicaTest.ReadReplica.class)
class PortalReplicaTest {

    public static class ReadReplica implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of(
                    "quarkus.datasource.portal.active", "true",
                    "quarkus.datasource.portal.jdbc.url", "${quarkus.datasource.jdbc.url}",
                    "quarkus.datasource.portal.username", "${quarkus.datasource.username:postgres}",
                    "quarkus.datasource.portal.password", "${quarkus.datasource.password:postgres}",
                    "quarkus.datasource.portal.jdbc.additional-jdbc-properties.ApplicationName", "portal-replica",
                    "quarkus.datasource.portal.jdbc.additional-jdbc-properties.options", "-c default_transaction_read_only=on");
        }
    }

    @Inject
    PortalDataSource portal;

    @Inject
    AgroalDataSource primary;

    @Test
    void thePortalReadsThroughTheReadReplica() throws SQLException {
        assertTrue(portal.usesReplica());
        Api.anonymous().get("/public/v1/results?region=130100&limit=5").then().statusCode(200);
        Api.anonymous().get("/public/v1/results?q=化工有限&limit=5").then().statusCode(200);
        Api.anonymous().get("/").then().statusCode(200);
        try (Connection c = primary.getConnection(); ResultSet rs = c.createStatement().executeQuery(
                "select count(*) from pg_stat_activity where application_name = 'portal-replica'")) {
            rs.next();
            assertTrue(rs.getLong(1) > 0, "the portal's queries went through the replica's connections");
        }
        // the replica's sessions are read-only: nothing the portal does can write
        try (Connection c = portal.get().getConnection()) {
            SQLException refused = assertThrows(SQLException.class,
                    () -> c.createStatement().execute("create table portal_write_attempt (x int)"));
            assertEquals("25006", refused.getSQLState(), refused.getMessage()); // read_only_sql_transaction
        }
    }
}
