-- The draw capability's read interface for other capabilities' SQL. Only the draw capability names
-- its tables; results, publication, the portal and the reports join these two views instead, so
-- that "is this draw voided?" and "who is on this target's team now?" are each answered once.

-- A draw and where it stands: one row per draw, its status derived from the append-only fact rows.
create view draw_state as
select d.id,
       d.authority,
       d.quarter,
       d.kind,
       d.filter,
       d.items,
       d.draw_date,
       d.pool_hash,
       d.commit,
       -- the service's half of the coin toss, revealed once the draw is no longer open
       case when e.draw_id is not null or v.draw_id is not null or f.draw_id is not null then d.nonce end as nonce,
       d.snapshot,
       d.replaces,
       d.plan,
       d.prepared_at,
       d.prepared_by,
       e.draw_id is not null as executed,
       v.draw_id is not null as voided,
       f.draw_id is not null as failed,
       case when v.draw_id is not null then 'VOIDED'
            when e.draw_id is not null then 'EXECUTED'
            when f.draw_id is not null then 'FAILED'
            else 'PREPARED' end as status,
       e.given,
       e.generated,
       e.seed,
       e.executed_at,
       f.reason as failure,
       v.reason as void_reason,
       v.voided_at
from draw d
left join draw_execution e on e.draw_id = d.id
left join draw_void v on v.draw_id = d.id
left join draw_failure f on f.draw_id = d.id;

-- A selected target of an executed draw with the team in force: the latest substitution's team,
-- else the team DRAW-1 assigned.
create view draw_selection as
select t.draw_id,
       t.uscc,
       t.stratum,
       t.position,
       t.rank,
       t.ticket,
       t.relaxed,
       t.method,
       t.team as drawn_team,
       coalesce((select s.team from draw_substitution s where s.draw_id = t.draw_id and s.uscc = t.uscc
                 order by s.id desc limit 1), t.team) as team
from draw_target t;

-- The reports' view of every check, now asking draw_state whether a draw is voided.
create or replace view inspection_record as
select 'RANDOM'::text         as kind,
       r.id                   as id,
       r.authority            as authority,
       r.region_code          as region_code,
       r.uscc                 as uscc,
       r.enterprise_name      as enterprise_name,
       r.draw_id              as draw_id,
       v.version              as version,
       v.inspection_date      as inspection_date,
       v.determination_date   as determination_date,
       v.wording              as wording,
       v.wording_text         as wording_text,
       v.problems             as problems,
       jsonb_array_length(v.problems) as problem_count,
       v.handling             as handling,
       v.violation_found      as violation_found,
       v.non_site             as non_site,
       v.team                 as team,
       r.confidential         as confidential,
       null::text             as source
from result r
join result_version v on v.result_id = r.id
where not exists (select 1 from result_version_superseded s where s.result_id = v.result_id and s.version = v.version)
  and not exists (select 1 from draw_state d where d.id = r.draw_id and d.voided)
union all
select 'TARGETED'::text, c.id, c.authority, c.region_code, c.uscc, c.enterprise_name, null, 1, c.inspection_date,
       c.inspection_date, null, null, c.problems, jsonb_array_length(c.problems), c.handling, c.violation_found,
       c.non_site, c.team, false, c.source
from targeted_check c;
