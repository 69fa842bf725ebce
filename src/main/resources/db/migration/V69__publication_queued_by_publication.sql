-- The trigger on result's result_version that wrote publication's queue publication_pending (V11) made
-- result's table write another capability's table. Publication now queues a version itself, in the
-- transaction that records it: result announces the version (its VersionPublishable event) and
-- publication's observer inserts the queue row. The queue's rows and the job are unchanged.
drop trigger result_version_queues_publication on result_version;
drop function queue_publication();
