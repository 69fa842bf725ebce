-- Open leads (问题线索) on a target: a complaint, a leader's assignment, a transfer, an incident, a nuclear
-- safety matter or a data-analysis lead. While one is open, a randomly drawn target is visited on site,
-- unannounced, for every item (seed 001 二（五）). A lead is closed by a row of its own, never by an edit.
create table target_lead (
    id            bigserial    primary key,
    uscc          varchar(18)  not null references target (uscc),
    source        text         not null check (source in ('COMPLAINT', 'LEADER_ASSIGNED', 'ASSIGNED', 'REFERRAL',
                                                          'INCIDENT', 'NUCLEAR_SAFETY', 'DATA_LEAD', 'OTHER')),
    opened_on     date         not null,
    reference     text,
    summary       text,
    recorded_at   timestamptz  not null,
    recorded_by   text         not null
);
create index target_lead_uscc_idx on target_lead (uscc, opened_on);
create trigger target_lead_append_only before update or delete on target_lead
    for each row execute function reject_rewrite();
create trigger target_lead_no_truncate before truncate on target_lead
    for each statement execute function reject_rewrite();

create table target_lead_closure (
    lead_id       bigint       primary key references target_lead (id),
    closed_on     date         not null,
    reason        text         not null,
    recorded_at   timestamptz  not null,
    recorded_by   text         not null
);
create trigger target_lead_closure_append_only before update or delete on target_lead_closure
    for each row execute function reject_rewrite();
create trigger target_lead_closure_no_truncate before truncate on target_lead_closure
    for each statement execute function reject_rewrite();

-- The pooled targets with a lead open on the draw date, as the registry stood at prepare: their USCCs in
-- byte order, one a line. Execute visits them on site, unannounced. Null for draws prepared before.
alter table draw add column open_lead text;
