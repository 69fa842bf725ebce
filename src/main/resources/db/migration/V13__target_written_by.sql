-- Each replica keeps in memory what a province's pool reads of every target (TargetMirror), and
-- catches up by asking only for the rows written since it last looked. "Since" is told by the writing
-- transaction's id, not by a clock or a sequence: a transaction that took its number earlier may
-- commit later, but none with an id below a snapshot's xmin is still running, so rereading from the
-- last snapshot's xmin misses nothing (the proof is on TargetMirror).
alter table target add column written_by xid8 not null default pg_current_xact_id();

-- set on every insert and update, whoever writes: the service, an import, or an operator's SQL
create function target_written() returns trigger language plpgsql as $$
begin
    new.written_by := pg_current_xact_id();
    return new;
end $$;
create trigger target_written before insert or update on target for each row execute function target_written();
create index target_written_by_idx on target (written_by);

-- The mirror has no way to learn that a row went away, and nothing needs one to: a target that
-- closes is CLOSED, and its history stays. Its USCC is its identity for ever.
create function target_keeps_its_uscc() returns trigger language plpgsql as $$
begin
    raise exception 'target %: a USCC is never changed; register the new code as a new target', old.uscc
        using errcode = 'P0001';
end $$;
create trigger target_keeps_its_uscc before update of uscc on target
    for each row when (old.uscc is distinct from new.uscc) execute function target_keeps_its_uscc();
create trigger target_no_delete before delete on target for each row execute function reject_rewrite();
create trigger target_no_truncate before truncate on target for each statement execute function reject_rewrite();

-- The forms the registry's rules already require (Uscc, RegionDirectory), now also of rows written in SQL:
-- the mirror stores a USCC in 18 bytes and a region code as a number.
alter table target add constraint target_uscc_form check (uscc ~ '^[0-9A-HJ-NPQRTUWXY]{18}$');
alter table target add constraint target_region_code_form check (region_code ~ '^[0-9]{6}$');
