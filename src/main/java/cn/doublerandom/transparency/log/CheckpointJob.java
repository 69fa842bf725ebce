package cn.doublerandom.transparency.log;

import io.quarkus.runtime.StartupEvent;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import org.jboss.logging.Logger;

/**
 * Catches the tree up with the ledger at start (a ledger older than the log, or a replica's key
 * that has signed nothing yet) and issues a checkpoint on the configured schedule
 * ({@code doublerandom.log.checkpoint-cron}, daily by default) besides the one after each record.
 */
@ApplicationScoped
public class CheckpointJob {

    private static final Logger LOG = Logger.getLogger(CheckpointJob.class);

    @Inject
    TransparencyLog log;

    void onStart(@Observes StartupEvent start) {
        LOG.infof("transparency log: tree and checkpoint at size %d", log.catchUp());
    }

    @Scheduled(identity = "log-checkpoint", cron = "{doublerandom.log.checkpoint-cron}", timeZone = "{doublerandom.business-zone}",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void scheduled() {
        log.catchUp();
    }
}
