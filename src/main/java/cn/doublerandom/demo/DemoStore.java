package cn.doublerandom.demo;

import cn.doublerandom.platform.database.Sql;
import io.agroal.api.AgroalDataSource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import java.sql.Connection;
import java.sql.SQLException;

/** The SQL of {@link DemoData}: the lock its load takes in the caller's transaction. */
@ApplicationScoped
class DemoStore {

    @Inject
    AgroalDataSource dataSource;

    /** Takes the demo load's transaction-scoped advisory lock. */
    void lock() throws SQLException {
        try (Connection c = dataSource.getConnection()) {
            Sql.lockForTransaction(c, 20220401L);
        }
    }
}
