-- A province's pool snapshot is about 35 MB of text, its execute record a few MB. PostgreSQL's
-- default compression (pglz) takes 0.44 s to store such a snapshot, lz4 0.15 s for a file 10 %
-- larger. lz4 needs a server built with it (Debian's and most distributions' are); where it is
-- missing the columns keep pglz and nothing else changes.
do $$
begin
    alter table draw alter column snapshot set compression lz4;
    alter table draw_execution alter column result set compression lz4;
    alter table ledger alter column text set compression lz4;
exception when feature_not_supported or invalid_parameter_value then
    raise notice 'lz4 is not available on this server; large texts stay compressed with pglz';
end
$$;
