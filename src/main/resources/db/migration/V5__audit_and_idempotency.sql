-- The audit trail: one row per write, in the write's own transaction. Append-only.
create table audit_event (
    id           bigserial    primary key,
    at           timestamptz  not null,
    actor        text         not null,
    role         text         not null,
    region       text         not null,
    action       text         not null,
    entity       text         not null,
    entity_id    text         not null,
    entity_region char(6),
    detail       text,
    request_id   text         not null
);
create index audit_event_entity_idx on audit_event (entity, entity_id, id);
create index audit_event_region_idx on audit_event (entity_region, id);
create index audit_event_actor_idx on audit_event (actor, id);
create trigger audit_event_append_only before update or delete on audit_event
    for each row execute function reject_rewrite();
create trigger audit_event_no_truncate before truncate on audit_event
    for each statement execute function reject_rewrite();

-- Idempotency keys: a retried write returns the first answer without doing the work twice.
create table idempotency_record (
    actor         text         not null,
    key           text         not null,
    fingerprint   char(64)     not null,
    status        integer,
    content_type  text,
    body          text,
    created_at    timestamptz  not null,
    primary key (actor, key)
);
