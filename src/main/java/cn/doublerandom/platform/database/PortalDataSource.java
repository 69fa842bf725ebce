package cn.doublerandom.platform.database;

import io.agroal.api.AgroalDataSource;
import io.quarkus.agroal.DataSource;
import io.quarkus.arc.InjectableInstance;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

/**
 * Where the public portal reads: a PostgreSQL read replica through the second datasource
 * {@code portal} when it is switched on ({@code QUARKUS_DATASOURCE_PORTAL_ACTIVE=true} with its
 * {@code QUARKUS_DATASOURCE_PORTAL_JDBC_URL}), otherwise the primary. The portal is read far more
 * than it is written and everything it reads is append-only, so a replica's lag only delays when
 * a publication appears; nothing the bureaus write goes through it.
 */
@ApplicationScoped
public class PortalDataSource {

    @Inject
    AgroalDataSource primary;

    @Inject
    @DataSource("portal")
    InjectableInstance<AgroalDataSource> replica;

    public AgroalDataSource get() {
        return usesReplica() ? replica.get() : primary;
    }

    /** Whether the portal reads from the read replica: Quarkus's own answer for the datasource, so no second reading of its setting. */
    public boolean usesReplica() {
        return replica.getHandle().getBean().isActive();
    }
}
