package cn.doublerandom.publication;

import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

/**
 * Runs publication on the configured schedule ({@code doublerandom.publication.cron}, Asia/Shanghai;
 * hourly by default). Every replica schedules it; the database lock lets one of them run at a time.
 */
@ApplicationScoped
public class PublicationJob {

    @Inject
    PublicationService publication;

    @Scheduled(identity = "publication", cron = "{doublerandom.publication.cron}", timeZone = "{doublerandom.business-zone}",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void scheduled() {
        publication.run();
    }
}
