package cn.doublerandom.platform.database;

import io.agroal.api.AgroalDataSource;
import io.quarkus.agroal.DataSource;
import io.quarkus.arc.InjectableInstance;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.config.inject.ConfigProperty;

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

    @ConfigProperty(name = "quarkus.datasource.portal.active", defaultValue = "false")
    boolean replicaActive;

    public AgroalDataSource get() {
        return replicaActive ? replica.get() : primary;
    }

    /** Whether the portal reads from the read replica. */
    public boolean usesReplica() {
        return replicaActive;
    }
}
