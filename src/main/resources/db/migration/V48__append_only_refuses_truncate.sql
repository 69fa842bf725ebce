-- TRUNCATE fires no row triggers, so an append-only table without a statement-level BEFORE TRUNCATE
-- trigger can still be emptied: a truncated draw_void would silently un-void its draws. These five
-- had only their row triggers; every append-only table now refuses UPDATE, DELETE and TRUNCATE.
create trigger draw_failure_no_truncate before truncate on draw_failure for each statement execute function reject_rewrite();
create trigger draw_void_no_truncate before truncate on draw_void for each statement execute function reject_rewrite();
create trigger undirected_slot_no_truncate before truncate on undirected_slot for each statement execute function reject_rewrite();
create trigger target_event_retraction_no_truncate before truncate on target_event_retraction for each statement execute function reject_rewrite();
create trigger calendar_notice_no_truncate before truncate on calendar_notice for each statement execute function reject_rewrite();
