-- A selected target's current team: that of its latest substitution (highest id for the draw and USCC),
-- else the team drawn. This view is the one place that rule is written; the draw's own reads (a
-- prepare noting each target's last team) read it here too.
-- Joined rather than looked up row by row: a read of many draws' selections then joins each draw's few
-- substitutions once instead of probing the index for every selected row, and a read by draw or USCC
-- still reaches draw_substitution through its index (the condition reaches into the subquery). A
-- reader that does not ask for the team does not join at all (one row per draw and USCC, so the planner
-- drops the left join).
create or replace view draw_selection as
select t.draw_id,
       t.uscc,
       t.stratum,
       t.position,
       t.rank,
       t.ticket,
       t.relaxed,
       t.method,
       t.team as drawn_team,
       coalesce(s.team, t.team) as team,
       t.visit
from draw_target t
left join (select distinct on (draw_id, uscc) draw_id, uscc, team from draw_substitution
           order by draw_id, uscc, id desc) s on s.draw_id = t.draw_id and s.uscc = t.uscc;
