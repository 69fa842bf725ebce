-- A confidential result that was declassified (result_declassification, V61) is, from then on, a result
-- like any other for the reports: publishable, its 20 working days counted from the day it became
-- publishable. The view keeps confidential as recorded and adds when the result was declassified
-- (null while it is not, and for targeted checks), at the end, so that every earlier column stays.
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
       (select x.recorded_at from result_declassification x where u.kind = 'RANDOM' and x.result_id = u.id) as declassified_at
from (
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
    from targeted_check c
) u;
