-- 检查对象: the kinds of object an item inspects and the kinds that apply to a target (codes of
-- ObjectKind). An item applies to a target when they share a kind; a draw's pool and each visit's
-- items follow from that.
alter table inspection_item add column object_kinds text[] not null default '{}';
-- where the service reads a cell the source list leaves empty (item 1's level and 检查对象), it says so
alter table inspection_item add column reading_note text;
alter table target add column object_kinds text[] not null default '{}';

-- every permit holder is an 排污单位: targets registered before the column existed get it now, as the
-- service gives it to every permit holder it writes
update target set object_kinds = '{POLLUTANT_DISCHARGER}' where permit_class is not null;
