-- Which pooled targets qualify for a non-site check (正面清单, or non-site facilities complete) on the draw
-- date, as the registry stood at prepare: their USCCs in byte order, one a line. Execute plans each visit
-- from this and the snapshot, not from the registry as it stands later. Null for draws prepared before.
alter table draw add column non_site text;

-- The items a selected target's one visit covers (进一次门、查多项事), each with its method and why, as
-- execute planned them: "<item>:<method>:<ground>" comma-separated. Null for draws executed before: their
-- visit covers every item of the draw.
alter table draw_target add column visit text;

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
       coalesce((select s.team from draw_substitution s where s.draw_id = t.draw_id and s.uscc = t.uscc
                 order by s.id desc limit 1), t.team) as team,
       t.visit
from draw_target t;
