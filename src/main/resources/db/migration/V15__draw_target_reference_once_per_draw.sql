-- V12's check looked up the draw of each inserted row: a province's 26,000 rows of one draw made
-- 26,000 lookups, a fifth of the time the rows take to write, and more where the planner, its
-- statistics taken on an empty draw table, chose a scan per row. The rows of one statement name a
-- handful of draws at most: each is looked up once.
create or replace function draw_target_refers_to_a_draw() returns trigger language plpgsql as $$
begin
    if exists (select 1 from (select distinct draw_id from inserted) i
               where not exists (select 1 from draw d where d.id = i.draw_id)) then
        raise exception using errcode = 'foreign_key_violation',
            message = 'draw_target refers to a draw that does not exist';
    end if;
    return null;
end $$;
