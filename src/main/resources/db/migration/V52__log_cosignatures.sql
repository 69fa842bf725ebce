-- Witnesses' cosignatures of the transparency log's checkpoints (docs/transparency-log.md §8).
create table log_cosignature (
    id           bigint generated always as identity primary key,
    size         bigint      not null check (size >= 0),
    root         bytea       not null check (octet_length(root) = 32),
    key_name     text        not null,
    key_hash     char(8)     not null,
    line         text        not null,
    received_at  timestamptz not null,
    unique (size, key_name, key_hash)
);
create trigger log_cosignature_append_only before update or delete on log_cosignature for each row execute function reject_rewrite();
create trigger log_cosignature_no_truncate before truncate on log_cosignature for each statement execute function reject_rewrite();
