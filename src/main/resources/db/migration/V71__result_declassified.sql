-- result: the declassified results and since when. The compliance report joins it per selected target as
-- it joined result_declassification before: PostgreSQL inlines this view into the same plan (a hash join
-- with the few declassifications), where V68's declassified_at column of result_disclosure was a subplan
-- probed once per selected target.
create view result_declassified as
select x.result_id, x.recorded_at as declassified_at
from result_declassification x;

-- result_disclosure back to its V64 columns: nothing reads the declassified_at that V68 added
drop view result_disclosure;
create view result_disclosure as
select r.id,
       r.draw_id,
       r.uscc,
       r.confidential,
       r.confidential and not exists (select 1 from result_declassification x where x.result_id = r.id) as withheld
from result r;
