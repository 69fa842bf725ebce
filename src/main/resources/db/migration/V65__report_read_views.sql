-- Views the reports join instead of naming other capabilities' tables, each owned by the capability whose
-- tables it reads. PostgreSQL inlines them: a report's plan is the one it had on the tables (a reader that
-- looks up one result's row keeps "limit 1", so that the lookup stays an index probe per result).

-- result: each result's latest version, as the compliance report counts inspections and deadlines by it
create view result_latest_version as
select distinct on (v.result_id) v.result_id, v.version, v.inspection_date, v.deadline_basis
from result_version v
order by v.result_id, v.version desc;

-- result: each held result's latest hold action (HOLD or RELEASE)
create view result_latest_hold as
select distinct on (h.result_id) h.result_id, h.action
from result_hold h
order by h.result_id, h.id desc;

-- result: the results with any follow-up (a rectification, a penalty or a sign-off), once per follow-up row
create view result_followed_up as
select result_id from rectification
union all
select result_id from penalty
union all
select result_id from result_signoff;

-- publication: each published result's first publication, which decides whether it was published on time
create view first_publication as
select distinct on (p.result_id) p.result_id, p.version, p.published_date, p.on_time
from publication p
order by p.result_id, p.version;

-- registry: the targets on a positive list (正面清单), with the days it covers
create view target_positive_list as
select uscc, positive_list_from, positive_list_to
from target
where positive_list_from is not null;
