package cn.doublerandom.publication;

import cn.doublerandom.result.VersionPublishable;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;

/**
 * Fills the publication job's queue {@code publication_pending}: a version result announces as publishable
 * is queued in the transaction that announced it, so it is queued if and only if that transaction commits.
 * The job empties the queue ({@link PublicationService}).
 */
@ApplicationScoped
public class PublicationQueue {

    @Inject
    PublicationStore store;

    void queue(@Observes VersionPublishable v) {
        store.queue(v.resultId(), v.version());
    }
}
