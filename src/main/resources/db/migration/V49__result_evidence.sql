-- Evidence on a result (证据): attachments (现场照片, the signed inspection record, the penalty
-- decision) and who signed the inspection record for the enterprise, or that they refused and why.
-- All append-only: a wrong attachment is superseded by a correction of the result, never replaced.

-- One attachment, tied to the result version it documents. Its SHA-256 is recorded here, beside the
-- version, and checked against the stored bytes on every read: the content store (PostgreSQL by
-- default, an object store in a large deployment) can lose or alter bytes but cannot change this row.
create table attachment (
    id              varchar(32)  primary key,
    result_id       varchar(32)  not null references result (id),
    result_version  integer      not null,
    kind            text         not null check (kind in ('PHOTO', 'SIGNED_RECORD', 'PENALTY_DECISION', 'OTHER')),
    file_name       text         not null,
    media_type      text         not null,
    size_bytes      bigint       not null check (size_bytes > 0),
    sha256          char(64)     not null check (sha256 ~ '^[0-9a-f]{64}$'),
    recorded_at     timestamptz  not null,
    recorded_by     text         not null,
    foreign key (result_id, result_version) references result_version (result_id, version)
);
create index attachment_result_idx on attachment (result_id, id);
create sequence attachment_seq;

-- The bytes, for the PostgreSQL content store only: addressed by their SHA-256, so a photo sent twice is stored once.
create table attachment_content (
    sha256   char(64)  primary key,
    content  bytea     not null
);

-- Whether an attachment may be shown on the public portal: never, until the bureau marks it
-- publishable with a reason (faces, a home address, a business secret); the latest row stands.
create table attachment_disclosure (
    id             bigserial    primary key,
    attachment_id  varchar(32)  not null references attachment (id),
    publishable    boolean      not null,
    reason         text         not null,
    recorded_at    timestamptz  not null,
    recorded_by    text         not null
);
create index attachment_disclosure_idx on attachment_disclosure (attachment_id, id);

-- The signature on the inspection record (现场检查笔录) of one result version: the enterprise's person
-- who signed (法定代表人 or an authorised person), or that the person refused, with the reason noted.
create table result_signoff (
    result_id       varchar(32)  not null,
    result_version  integer      not null,
    signatory       text         not null,
    signatory_role  text         not null,
    refused         boolean      not null,
    refusal_reason  text,
    recorded_at     timestamptz  not null,
    recorded_by     text         not null,
    primary key (result_id, result_version),
    foreign key (result_id, result_version) references result_version (result_id, version),
    check (refused = (refusal_reason is not null))
);

create trigger attachment_append_only before update or delete on attachment for each row execute function reject_rewrite();
create trigger attachment_content_append_only before update or delete on attachment_content for each row execute function reject_rewrite();
create trigger attachment_disclosure_append_only before update or delete on attachment_disclosure for each row execute function reject_rewrite();
create trigger result_signoff_append_only before update or delete on result_signoff for each row execute function reject_rewrite();
create trigger attachment_no_truncate before truncate on attachment for each statement execute function reject_rewrite();
create trigger attachment_content_no_truncate before truncate on attachment_content for each statement execute function reject_rewrite();
create trigger attachment_disclosure_no_truncate before truncate on attachment_disclosure for each statement execute function reject_rewrite();
create trigger result_signoff_no_truncate before truncate on result_signoff for each statement execute function reject_rewrite();
