-- The portal lists 处理情况 beside 检查结果, as every 双随机 announcement does: publication copies the
-- version's handling codes when it publishes, so the list reads them from its own row. Rows published
-- before this column existed keep it empty (never rewritten): readers take the codes from their
-- result_version, which is append-only too and says the same.
alter table publication add column handling text[];
