-- The report's inspection_record and publication's published_result read result's tables no more, but read
-- views result owns, so that result may change its tables behind them. PostgreSQL inlines the views: each
-- reader's plan is the one it had on the tables. Both views keep their columns, names and types.

-- result: each result's versions in force (those no correction superseded), with the result's fields the
-- reports show of a random check
create view result_current_version as
select r.id as result_id,
       r.authority,
       r.region_code,
       r.uscc,
       r.enterprise_name,
       r.draw_id,
       r.confidential,
       v.version,
       v.inspection_date,
       v.determination_date,
       v.wording,
       v.wording_text,
       v.problems,
       v.handling,
       v.violation_found,
       v.non_site,
       v.team
from result r
join result_version v on v.result_id = r.id
where not exists (select 1 from result_version_superseded s where s.result_id = v.result_id and s.version = v.version);

-- result: each version's handling codes (处理情况), which published_result shows of rows published before
-- publication copied them
create view result_version_handling as
select v.result_id, v.version, v.handling
from result_version v;

create or replace view inspection_record as
select u.*,
       greatest((select count(*) from jsonb_array_elements(u.problems) p where (p ->> 'violation')::boolean is true),
                case when u.violation_found then 1 else 0 end) as violation_count,
       (select count(*) from jsonb_array_elements(u.problems) p
         where coalesce((p ->> 'nonSite')::boolean, u.non_site)) as non_site_problem_count,
       (select count(*) from jsonb_array_elements(u.problems) p
         where (p ->> 'violation')::boolean is true and coalesce((p ->> 'nonSite')::boolean, u.non_site))
       + case when u.violation_found and u.non_site
                   and not exists (select 1 from jsonb_array_elements(u.problems) p where (p ->> 'violation')::boolean is true)
              then 1 else 0 end as non_site_violation_count,
       (select x.declassified_at from result_declassified x where u.kind = 'RANDOM' and x.result_id = u.id) as declassified_at
from (
    select 'RANDOM'::text         as kind,
           cv.result_id           as id,
           cv.authority           as authority,
           cv.region_code         as region_code,
           cv.uscc                as uscc,
           cv.enterprise_name     as enterprise_name,
           cv.draw_id             as draw_id,
           cv.version             as version,
           cv.inspection_date     as inspection_date,
           cv.determination_date  as determination_date,
           cv.wording             as wording,
           cv.wording_text        as wording_text,
           cv.problems            as problems,
           jsonb_array_length(cv.problems) as problem_count,
           cv.handling            as handling,
           cv.violation_found     as violation_found,
           cv.non_site            as non_site,
           cv.team                as team,
           cv.confidential        as confidential,
           null::text             as source
    from result_current_version cv
    where not exists (select 1 from draw_state d where d.id = cv.draw_id and d.voided)
    union all
    select 'TARGETED'::text, c.id, c.authority, c.region_code, c.uscc, c.enterprise_name, null, 1, c.inspection_date,
           c.inspection_date, null, null, c.problems, jsonb_array_length(c.problems), c.handling, c.violation_found,
           c.non_site, c.team, false, c.source
    from targeted_check c
) u;

create or replace view published_result as
select p.*,
       coalesce(p.handling, (select v.handling from result_version_handling v
                             where v.result_id = p.result_id and v.version = p.version)) as handling_codes
from publication p;
