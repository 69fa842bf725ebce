-- The registry-change report reads a period's versions of every covered region at once: one range of
-- this index, where the per-region index needs a range per region. The table is append-only, so the
-- period's rows lie together and their states are read in few pages.
create index registry_version_period_idx on registry_version (entity, recorded_at) include (entity_key, version, region_code);
-- Whether the version before a period retired a record is looked up only for the records that retire in
-- it, here: retiring versions alone, a small index.
create index registry_version_retiring_idx on registry_version (entity, entity_key, version)
    where (entity = 'TARGET' and state->>'operatingStatus' = 'CLOSED') or (entity = 'INSPECTOR' and state->>'status' = 'LEFT');
