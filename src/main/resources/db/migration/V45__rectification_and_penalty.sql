-- Follow-up of a result (持续追踪): the rectification of each problem found, its re-checks, and the
-- penalty decisions with their transfers. All append-only: a change is a new version with its reason.

-- A rectification (整改) ordered for one problem of a result. The problem is copied as it read when
-- the order was given, so a later correction of the result does not change what was ordered.
create table rectification (
    id                   varchar(32)  primary key,
    result_id            varchar(32)  not null references result (id),
    -- the problem's place in the result version it was ordered from (0-based)
    result_version       integer      not null,
    problem_index        integer      not null check (problem_index >= 0),
    problem_type         text         not null,
    problem_description  text         not null,
    recorded_at          timestamptz  not null,
    recorded_by          text         not null,
    unique (result_id, result_version, problem_index),
    foreign key (result_id, result_version) references result_version (result_id, version)
);
create index rectification_result_idx on rectification (result_id);
create sequence rectification_seq;

-- What was required, by when and of whom, and where it stands as the bureau last recorded it.
-- 逾期未整改 (overdue) is never stored: it is IN_PROGRESS past the deadline day, by the service's clock.
create table rectification_version (
    rectification_id    varchar(32)  not null references rectification (id),
    version             integer      not null check (version >= 1),
    requirement         text         not null,
    deadline            date         not null,
    responsible_person  text         not null,
    status              text         not null check (status in ('IN_PROGRESS', 'RECTIFIED')),
    rectified_on        date,
    change_reason       text,
    recorded_at         timestamptz  not null,
    recorded_by         text         not null,
    primary key (rectification_id, version),
    check ((status = 'RECTIFIED') = (rectified_on is not null)),
    check ((version = 1) = (change_reason is null))
);
-- the current version of every rectification still in progress: what the due list and the metric read
create index rectification_version_open_idx on rectification_version (deadline) where status = 'IN_PROGRESS';

-- A re-check (复查) or a later look-back (回头看): a check of its own, with its date, team and outcome.
-- CONFIRMED closes the rectification (销号); NOT_RECTIFIED sends it back to 整改中.
create table rectification_check (
    id                bigserial    primary key,
    rectification_id  varchar(32)  not null references rectification (id),
    kind              text         not null check (kind in ('RECHECK', 'LOOK_BACK')),
    check_date        date         not null,
    team              text[]       not null,
    outcome           text         not null check (outcome in ('CONFIRMED', 'NOT_RECTIFIED')),
    findings          text         not null,
    recorded_at       timestamptz  not null,
    recorded_by       text         not null
);
create index rectification_check_idx on rectification_check (rectification_id, id);

-- A penalty decision (行政处罚决定) on a result: its case number is the bureau's and unique.
create table penalty (
    id           varchar(32)  primary key,
    result_id    varchar(32)  not null references result (id),
    case_number  text         not null unique,
    recorded_at  timestamptz  not null,
    recorded_by  text         not null
);
create index penalty_result_idx on penalty (result_id);
create sequence penalty_seq;

-- The decision as recorded, and each correction of it. Discretion (裁量): NO_PENALTY 不予处罚,
-- LIGHTER 从轻, STANDARD 一般, HEAVIER 从重; every one but STANDARD says why. Transfers are handling codes.
create table penalty_version (
    penalty_id         varchar(32)    not null references penalty (id),
    version            integer        not null check (version >= 1),
    decision_date      date           not null,
    amount             numeric(14, 2) not null check (amount >= 0),
    discretion         text           not null check (discretion in ('NO_PENALTY', 'LIGHTER', 'STANDARD', 'HEAVIER')),
    discretion_reason  text,
    transfers          text[]         not null,
    change_reason      text,
    recorded_at        timestamptz    not null,
    recorded_by        text           not null,
    primary key (penalty_id, version),
    check ((discretion = 'STANDARD') or discretion_reason is not null),
    check ((discretion <> 'NO_PENALTY') or amount = 0),
    check ((version = 1) = (change_reason is null))
);

create trigger rectification_append_only before update or delete on rectification for each row execute function reject_rewrite();
create trigger rectification_version_append_only before update or delete on rectification_version for each row execute function reject_rewrite();
create trigger rectification_check_append_only before update or delete on rectification_check for each row execute function reject_rewrite();
create trigger penalty_append_only before update or delete on penalty for each row execute function reject_rewrite();
create trigger penalty_version_append_only before update or delete on penalty_version for each row execute function reject_rewrite();
create trigger rectification_no_truncate before truncate on rectification for each statement execute function reject_rewrite();
create trigger rectification_version_no_truncate before truncate on rectification_version for each statement execute function reject_rewrite();
create trigger rectification_check_no_truncate before truncate on rectification_check for each statement execute function reject_rewrite();
create trigger penalty_no_truncate before truncate on penalty for each statement execute function reject_rewrite();
create trigger penalty_version_no_truncate before truncate on penalty_version for each statement execute function reject_rewrite();
