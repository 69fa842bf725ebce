-- The transparency log (docs/transparency-log.md): the Merkle tree over the ledger and its signed checkpoints.

-- Every complete subtree of the tree, hashed once when its last leaf is appended: 2^level leaves
-- starting at leaf idx * 2^level. Level 0 holds the leaf hashes, so the tree's size is max(idx) + 1 there.
create table log_node (
    level  smallint not null check (level between 0 and 63),
    idx    bigint   not null check (idx >= 0),
    hash   bytea    not null check (octet_length(hash) = 32),
    primary key (level, idx)
);

-- Every checkpoint issued: a signed note (c2sp.org/tlog-checkpoint) of the tree at one size, by one key.
create table log_checkpoint (
    id         bigint generated always as identity primary key,
    size       bigint      not null check (size >= 0),
    key_name   text        not null,
    key_hash   char(8)     not null,
    root       bytea       not null check (octet_length(root) = 32),
    note       text        not null,
    issued_at  timestamptz not null,
    unique (size, key_name, key_hash)
);

create trigger log_node_append_only before update or delete on log_node for each row execute function reject_rewrite();
create trigger log_node_no_truncate before truncate on log_node for each statement execute function reject_rewrite();
create trigger log_checkpoint_append_only before update or delete on log_checkpoint for each row execute function reject_rewrite();
create trigger log_checkpoint_no_truncate before truncate on log_checkpoint for each statement execute function reject_rewrite();
