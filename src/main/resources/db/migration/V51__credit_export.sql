-- Export of published results to the national enterprise credit publicity system (国家企业信用信息
-- 公示系统, 抽查检查结果信息). Each published version goes in exactly one batch: the primary key of
-- credit_export_item refuses a second, whichever replica exports, so nothing is sent twice, and a
-- published version without a row is what the next batch carries, so nothing is missed.
create table credit_export_batch (
    id            varchar(32)  primary key,
    authority     char(6)      not null,
    result_count  integer      not null check (result_count > 0),
    created_at    timestamptz  not null,
    created_by    text         not null
);
create index credit_export_batch_authority_idx on credit_export_batch (authority, id);
create sequence credit_export_batch_seq;

create table credit_export_item (
    result_id  varchar(32)  not null,
    version    integer      not null,
    batch_id   varchar(32)  not null references credit_export_batch (id),
    primary key (result_id, version),
    foreign key (result_id, version) references publication (result_id, version)
);
create index credit_export_item_batch_idx on credit_export_item (batch_id, result_id, version);

create trigger credit_export_batch_append_only before update or delete on credit_export_batch for each row execute function reject_rewrite();
create trigger credit_export_item_append_only before update or delete on credit_export_item for each row execute function reject_rewrite();
create trigger credit_export_batch_no_truncate before truncate on credit_export_batch for each statement execute function reject_rewrite();
create trigger credit_export_item_no_truncate before truncate on credit_export_item for each statement execute function reject_rewrite();
