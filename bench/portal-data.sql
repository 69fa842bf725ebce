-- 1,000,000 published results for the portal benchmark, spread over Shijiazhuang's counties and
-- 2026Q3, written straight into the tables (the service's own paths are exercised by the tests).
\set ON_ERROR_STOP on
-- one transaction: a running service never sees the results without their publications (its job
-- would take a million of them for a backlog to publish)
begin;
insert into draw (id, authority, quarter, kind, filter, items, draw_date, pool_hash, snapshot, nonce, commit, replaces, plan,
                  prepared_at, prepared_by)
values ('D900000001', '130100', '2026Q3', 'UNDIRECTED', '', '{1}', '2026-07-06', repeat('0', 64), '', repeat('0', 32),
        repeat('0', 64), null, '{}', now(), 'bench');
create temporary table bench_county (n int primary key, code char(6));
insert into bench_county values (0,'130171'),(1,'130111'),(2,'130123'),(3,'130184'),(4,'130128'),(5,'130127'),(6,'130125'),
  (7,'130133'),(8,'130107'),(9,'130132'),(10,'130121'),(11,'130109'),(12,'130183'),(13,'130129'),(14,'130126'),(15,'130131'),
  (16,'130110'),(17,'130172'),(18,'130130');
create temporary table bench_row as
select i, c.code as county, '91' || c.code || lpad(i::text, 10, '0') as uscc, 'R' || (100000000 + i)::text as rid,
       '石家庄' || (array['华北','冀中','恒达','正元','金石','新源','宏泰','鑫磊'])[1 + i % 8] || '企业' || i as name,
       date '2026-07-06' + (i % 80) as day
from generate_series(1, 1000000) i join bench_county c on c.n = i % 19;
insert into draw_target (draw_id, uscc, stratum, position, rank, ticket, team, relaxed, method)
select 'D900000001', uscc, 'GENERAL', i, i, '0.' || lpad(i::text, 20, '0'), '{B1,B2}', false, 'ON_SITE' from bench_row;
insert into result (id, draw_id, uscc, authority, region_code, enterprise_name, quarter, confidential, recorded_at, recorded_by)
select rid, 'D900000001', uscc, '130100', county, name, '2026Q3', false, now(), 'bench' from bench_row;
insert into result_version (result_id, version, inspection_date, determination_date, wording, wording_text, problems, handling,
                            violation_found, non_site, team, deadline_basis, recorded_at, recorded_by)
select rid, 1, day, day, 'NO_PROBLEM', '未发现问题', '[]', '{NONE}', false, false, '{B1,B2}', day, now(), 'bench' from bench_row;
-- one item per visit (item 1 of the demo list), 未发现问题
insert into result_item (result_id, version, position, item_id, item_name, sub_item, wording, wording_text)
select rid, 1, 1, it.id, it.name, it.sub_item, 'NO_PROBLEM', '未发现问题' from bench_row join inspection_item it on it.id = 1;
insert into publication (result_id, version, draw_id, authority, region_code, quarter, uscc, enterprise_name, inspection_date,
                         determination_date, wording, wording_text, deadline, on_time, published_at, published_date, items,
                         wordings, handling)
select rid, 1, 'D900000001', '130100', county, '2026Q3', uscc, name, day, day, 'NO_PROBLEM', '未发现问题', day + 28, true,
       (day + 3)::timestamp, day + 3,
       jsonb_build_array(jsonb_build_object('itemId', 1, 'itemName', coalesce((select name from inspection_item where id = 1), '〔缺失〕'),
                                            'wording', 'NO_PROBLEM', 'wordingText', '未发现问题')),
       '{NO_PROBLEM}', '{NONE}' from bench_row;
-- the rows were published here, not by the job, and written past the service, which queues a version for
-- the job as it records it: publication_pending stays empty, as the job would leave it
commit;
-- what autovacuum would do next (it may be off, as on the benchmark machine): statistics
vacuum analyze;
