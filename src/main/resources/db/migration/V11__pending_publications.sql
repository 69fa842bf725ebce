-- What the publication job still has to look at: one row per result version recorded and not yet
-- done with. Finding "every unpublished current version" as a set difference read all of
-- result_version and publication on every run, 1 to 2 s with a million published results and
-- nothing due; read from this queue a run costs what is in it.
--
-- Unlike every other table here this one is not a record but a work list derived from the records
-- (result_version less publication, superseded, confidential and voided): each run of the job
-- deletes, in its transaction, the rows whose version it published or that can never be published.
-- Nothing is lost by the deletion: the records it is derived from are append-only and kept, and
-- the queue can always be computed again from them (as the backfill below does).
create table publication_pending (
    result_id  varchar(32)  not null,
    version    integer      not null,
    primary key (result_id, version),
    foreign key (result_id, version) references result_version (result_id, version)
);

-- Queued by the database on every insert of a version, so that no write path can forget it (the
-- service's recording and corrections, and the benchmarks' SQL alike). Per statement, from its
-- transition table: a bulk load of versions is one insert here, not one per row.
create function queue_publication() returns trigger language plpgsql as $$
begin
    insert into publication_pending (result_id, version) select result_id, version from new_versions;
    return null;
end $$;
create trigger result_version_queues_publication after insert on result_version
    referencing new table as new_versions for each statement execute function queue_publication();

-- What the job would find unpublished now: current versions, not published, held ones included;
-- confidential results and voided draws are left out, as the job drops them from the queue.
insert into publication_pending (result_id, version)
select v.result_id, v.version
from result_version v join result r on r.id = v.result_id
where not exists (select 1 from result_version_superseded s where s.result_id = v.result_id and s.version = v.version)
  and not exists (select 1 from publication p where p.result_id = v.result_id and p.version = v.version)
  and not r.confidential
  and not exists (select 1 from draw_void d where d.draw_id = r.draw_id);
