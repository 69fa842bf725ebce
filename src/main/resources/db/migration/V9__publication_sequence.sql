-- The portal lists results in publication order, newest first. A sequence number per publication
-- gives that order exactly (the job publishes under a transaction-scoped lock, so numbers are
-- committed in order), makes the keyset cursor one number, and lets the name-search index in the
-- service catch up by asking only for rows after the last number it holds.
alter table publication add column seq bigserial;
alter table publication add constraint publication_seq_key unique (seq);
drop index publication_list_idx;
drop index publication_region_idx;
create index publication_region_idx on publication (region_code, seq desc);
create index publication_quarter_idx on publication (quarter, seq desc);
