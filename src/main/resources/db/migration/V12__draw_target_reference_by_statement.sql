-- A province draw writes its 26,000 selections in one COPY, and the foreign key to draw looked each
-- row's draw up on its own (a tenth of a second of the execute, for one and the same draw). Draws are
-- append-only (V2's triggers refuse update, delete and truncate), so a reference that holds when it
-- is written holds for ever: one check per statement over the inserted rows as a set keeps the same
-- guarantee. The tables that refer to draw_target keep their foreign keys.
alter table draw_target drop constraint draw_target_draw_id_fkey;

create function draw_target_refers_to_a_draw() returns trigger language plpgsql as $$
begin
    if exists (select 1 from inserted i where not exists (select 1 from draw d where d.id = i.draw_id)) then
        raise exception using errcode = 'foreign_key_violation',
            message = 'draw_target refers to a draw that does not exist';
    end if;
    return null;
end $$;

create trigger draw_target_refers_to_a_draw after insert on draw_target referencing new table as inserted
    for each statement execute function draw_target_refers_to_a_draw();
