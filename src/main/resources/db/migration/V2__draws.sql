-- Policies, draws and the tamper-evident ledger (DRAW-1 §4–§5).

alter table registry_version drop constraint registry_version_entity_check;
alter table registry_version add constraint registry_version_entity_check
    check (entity in ('TARGET', 'INSPECTOR', 'ITEM', 'POLICY'));

-- The quota policy of a region and year (rates per supervision class, team size, yearly cap).
create table policy (
    region_code                  char(6)       not null,
    year                         integer       not null check (year between 2000 and 2100),
    version                      integer       not null,
    county_key_rate              numeric(7, 6) not null check (county_key_rate between 0 and 1),
    county_special_rate          numeric(7, 6) not null check (county_special_rate between 0 and 1),
    county_general_per_inspector numeric(8, 3) not null check (county_general_per_inspector >= 0),
    city_key_rate                numeric(7, 6) not null check (city_key_rate between 0 and 1),
    city_special_rate            numeric(7, 6) not null check (city_special_rate between 0 and 1),
    city_general_per_inspector   numeric(8, 3) not null check (city_general_per_inspector >= 0),
    team_size                    integer       not null check (team_size between 2 and 10),
    yearly_cap                   integer       not null check (yearly_cap >= 1),
    technology_monitoring        text[]        not null,
    created_at                   timestamptz   not null,
    updated_at                   timestamptz   not null,
    updated_by                   text          not null,
    primary key (region_code, year)
);

-- A prepared draw: the pool snapshot is frozen and committed before any seed exists.
create table draw (
    id            varchar(32)  primary key,
    authority     char(6)      not null,
    quarter       char(6)      not null,
    kind          text         not null check (kind in ('UNDIRECTED', 'DIRECTED')),
    filter        text         not null,
    items         bigint[]     not null,
    draw_date     date         not null,
    pool_hash     char(64)     not null,
    snapshot      text         not null,
    nonce         char(32)     not null,
    commit        char(64)     not null,
    replaces      varchar(32)  unique references draw (id),
    plan          jsonb        not null,
    prepared_at   timestamptz  not null,
    prepared_by   text         not null
);
create index draw_authority_idx on draw (authority, quarter);
create sequence draw_seq;

create table draw_execution (
    draw_id      varchar(32)  primary key references draw (id),
    given        text         not null,
    generated    boolean      not null,
    seed         text         not null,
    result       text         not null,
    executed_at  timestamptz  not null,
    executed_by  text         not null
);
-- A seed given by the caller can never be used for a second draw.
create unique index draw_execution_given_idx on draw_execution (given) where given <> '';

create table draw_failure (
    draw_id    varchar(32)  primary key references draw (id),
    given      text         not null,
    seed       text         not null,
    reason     text         not null,
    detail     jsonb        not null,
    failed_at  timestamptz  not null,
    failed_by  text         not null
);

create table draw_void (
    draw_id    varchar(32)  primary key references draw (id),
    reason     text         not null,
    voided_at  timestamptz  not null,
    voided_by  text         not null
);

-- At most one executed undirected draw per authority and quarter, and after a void at most one
-- replacement: the database itself holds the rule, whatever the service does.
create table undirected_slot (
    authority  char(6)      not null,
    quarter    char(6)      not null,
    replaces   varchar(32)  not null,
    draw_id    varchar(32)  not null unique references draw (id),
    primary key (authority, quarter, replaces)
);

-- The selected targets of an executed draw, with their teams and the visit's items and method.
create table draw_target (
    draw_id            varchar(32)  not null references draw (id),
    uscc               varchar(18)  not null,
    stratum            text         not null,
    position           integer      not null,
    rank               integer      not null,
    ticket             text         not null,
    team               text[]       not null,
    relaxed            boolean      not null,
    method             text         not null check (method in ('ON_SITE', 'TECHNOLOGY')),
    primary key (draw_id, uscc)
);
create index draw_target_uscc_idx on draw_target (uscc);

-- One ledger for the whole service; records are canonical texts chained by hash.
create table ledger (
    seq          bigint       primary key,
    draw_id      varchar(32)  not null references draw (id),
    kind         text         not null check (kind in ('prepare', 'execute', 'fail', 'void', 'substitute')),
    text         text         not null,
    hash         char(64)     not null,
    recorded_at  timestamptz  not null
);
create index ledger_draw_idx on ledger (draw_id, seq);

create trigger draw_append_only before update or delete on draw for each row execute function reject_rewrite();
create trigger draw_execution_append_only before update or delete on draw_execution for each row execute function reject_rewrite();
create trigger draw_failure_append_only before update or delete on draw_failure for each row execute function reject_rewrite();
create trigger draw_void_append_only before update or delete on draw_void for each row execute function reject_rewrite();
create trigger undirected_slot_append_only before update or delete on undirected_slot for each row execute function reject_rewrite();
create trigger draw_target_append_only before update or delete on draw_target for each row execute function reject_rewrite();
create trigger ledger_append_only before update or delete on ledger for each row execute function reject_rewrite();
-- TRUNCATE bypasses row triggers: refuse it too on every append-only table.
create trigger ledger_no_truncate before truncate on ledger for each statement execute function reject_rewrite();
create trigger draw_no_truncate before truncate on draw for each statement execute function reject_rewrite();
create trigger draw_execution_no_truncate before truncate on draw_execution for each statement execute function reject_rewrite();
create trigger draw_target_no_truncate before truncate on draw_target for each statement execute function reject_rewrite();
create trigger registry_version_no_truncate before truncate on registry_version for each statement execute function reject_rewrite();
create trigger target_event_no_truncate before truncate on target_event for each statement execute function reject_rewrite();
