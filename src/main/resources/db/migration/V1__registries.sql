-- The two registries and the item list (两库一单), with their append-only history.

-- A guard used by every append-only table: not even a bug in the service can rewrite history.
create function reject_rewrite() returns trigger language plpgsql as $$
begin
    raise exception 'append-only table %: % is not allowed', tg_table_name, tg_op
        using errcode = 'P0001';
end $$;

-- 检查对象名录库: current state, one row per enterprise.
create table target (
    uscc                  varchar(18) primary key,
    version               integer      not null,
    region_code           char(6)      not null,
    name                  text         not null,
    address               text,
    township              text,
    industry              text,
    project_status        text,
    pollutant_types       text[]       not null default '{}',
    scale                 text,
    production_cycle      text,
    monitoring_types      text[]       not null default '{}',
    permit_class          text check (permit_class in ('KEY', 'SIMPLIFIED', 'REGISTRATION')),
    key_discharger        boolean      not null default false,
    credit_rating         char(1) check (credit_rating in ('A', 'B', 'C', 'D', 'E')),
    weather_grade         char(1) check (weather_grade in ('A', 'B', 'C', 'D')),
    positive_list_from    date,
    positive_list_to      date,
    operating_status      text         not null check (operating_status in ('PRODUCING', 'HALTED', 'CLOSED')),
    uscc_override_reason  text,
    created_at            timestamptz  not null,
    updated_at            timestamptz  not null,
    updated_by            text         not null,
    check (positive_list_to is null or positive_list_from is not null),
    check (positive_list_to is null or positive_list_to >= positive_list_from)
);
create index target_region_idx on target (region_code, uscc);
create index target_name_idx on target (name);

-- Dated events that decide the special class: penalties, verified complaints, supervised listings.
create table target_event (
    id              bigserial    primary key,
    uscc            varchar(18)  not null references target (uscc),
    kind            text         not null check (kind in ('PENALTY', 'VERIFIED_COMPLAINT', 'SUPERVISED_LISTING')),
    event_date      date         not null,
    end_date        date,
    listing_level   text check (listing_level in ('MINISTRY', 'PROVINCE')),
    reference       text,
    description     text,
    recorded_at     timestamptz  not null,
    recorded_by     text         not null,
    check ((kind = 'SUPERVISED_LISTING') = (listing_level is not null)),
    check (end_date is null or end_date >= event_date)
);
create index target_event_uscc_idx on target_event (uscc, event_date);
create trigger target_event_append_only before update or delete on target_event
    for each row execute function reject_rewrite();

-- A mistaken event is never deleted: it is retracted, with a reason, and stays visible.
create table target_event_retraction (
    event_id      bigint       primary key references target_event (id),
    reason        text         not null,
    recorded_at   timestamptz  not null,
    recorded_by   text         not null
);
create trigger target_event_retraction_append_only before update or delete on target_event_retraction
    for each row execute function reject_rewrite();

-- 检查人员名录库
create table inspector (
    code                varchar(32)  primary key,
    version             integer      not null,
    region_code         char(6)      not null,
    name                text         not null,
    certificate_no      text,
    certificate_expiry  date,
    status              text         not null check (status in ('ACTIVE', 'ON_LEAVE', 'SECONDED', 'LEFT')),
    certified           boolean      not null,
    auxiliary           boolean      not null,
    organisation        text,
    specialties         text[]       not null default '{}',
    created_at          timestamptz  not null,
    updated_at          timestamptz  not null,
    updated_by          text         not null,
    -- an auxiliary expert (辅助检查人员) never counts as one of the two certified members
    check (not (certified and auxiliary)),
    check (not certified or (certificate_no is not null and certificate_expiry is not null))
);
create index inspector_region_idx on inspector (region_code, code);

-- Declared conflicts of interest (回避): current state; history is in registry_version.
create table inspector_conflict (
    inspector_code  varchar(32)  not null references inspector (code),
    uscc            varchar(18)  not null,
    reason          text         not null,
    primary key (inspector_code, uscc)
);
create index inspector_conflict_uscc_idx on inspector_conflict (uscc);

-- 随机抽查事项清单
create table inspection_item (
    id                      bigserial    primary key,
    version                 integer      not null,
    region_code             char(6)      not null,
    seq_no                  text,
    name                    text         not null,
    sub_item                text,
    category                text check (category in ('GENERAL', 'KEY')),
    target_type             text         not null,
    inspecting_level        text check (inspecting_level in ('COUNTY_AND_ABOVE', 'CITY_AND_ABOVE', 'PROVINCE_AND_CITY', 'PROVINCE')),
    legal_basis             text         not null,
    content                 text         not null,
    methods                 text[]       not null,
    joint_inspection        boolean      not null,
    required_specialty      text,
    responsible_division    text,
    cooperating_divisions   text[]       not null default '{}',
    active                  boolean      not null,
    created_at              timestamptz  not null,
    updated_at              timestamptz  not null,
    updated_by              text         not null
);
create index inspection_item_region_idx on inspection_item (region_code, id);

-- Every version of every registry record, append-only: who, when, what, and the full state.
create table registry_version (
    entity        text         not null check (entity in ('TARGET', 'INSPECTOR', 'ITEM')),
    entity_key    text         not null,
    version       integer      not null,
    region_code   char(6)      not null,
    change        text         not null check (change in ('CREATE', 'UPDATE', 'IMPORT_CREATE', 'IMPORT_UPDATE')),
    changed       text[]       not null default '{}',
    reason        text,
    recorded_at   timestamptz  not null,
    recorded_by   text         not null,
    state         jsonb        not null,
    primary key (entity, entity_key, version)
);
create index registry_version_time_idx on registry_version (entity, entity_key, recorded_at);
create trigger registry_version_append_only before update or delete on registry_version
    for each row execute function reject_rewrite();
