-- The quarterly registry-change report reads a period's versions per region, and the events recorded
-- or retracted in it; without these it scanned every version and event ever kept.
create index registry_version_region_recorded_idx on registry_version (entity, region_code, recorded_at) include (entity_key, version);
create index target_event_recorded_idx on target_event (recorded_at);
create index target_event_retraction_recorded_idx on target_event_retraction (recorded_at);
