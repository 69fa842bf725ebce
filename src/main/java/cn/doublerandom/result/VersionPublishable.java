package cn.doublerandom.result;

/**
 * A CDI event: a result's version may now be published, because it was just recorded (a result or a
 * correction) or because its result was declassified. Fired inside the transaction that wrote it, so a
 * synchronous observer acts in that same transaction; publication observes it to queue the version for
 * its next run, and result need not know of publication's queue.
 */
public record VersionPublishable(String resultId, int version) {
}
