package cn.doublerandom.demo;

import cn.doublerandom.platform.database.Sql;
import io.agroal.api.AgroalDataSource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

/** The SQL of {@link DemoData}: the lock its load takes in the caller's transaction. */
@ApplicationScoped
class DemoStore {

    @Inject
    AgroalDataSource dataSource;

    /** Takes the demo load's transaction-scoped advisory lock. */
    void lock() {
        Sql.lockForTransaction(dataSource, 20220401L);
    }
}
