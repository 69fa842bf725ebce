-- A confidential result whose confidentiality has lapsed (解密): from then on it is published like any
-- other, and its draw's public package shows what it withheld (the snapshot, the record texts, the
-- nonce, the seed and the salt of the pool's commitment). One row per result, never updated: the
-- result's own confidential flag stays as it was recorded.
create table result_declassification (
    result_id    varchar(32)  primary key references result (id),
    reason       text         not null,
    recorded_at  timestamptz  not null,
    recorded_by  text         not null
);
create trigger result_declassification_append_only before update or delete on result_declassification
    for each row execute function reject_rewrite();
create trigger result_declassification_no_truncate before truncate on result_declassification
    for each statement execute function reject_rewrite();
