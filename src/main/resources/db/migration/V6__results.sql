-- Inspection results (一公开): one result per selected target of an executed draw, every version
-- kept; holds by the bureau; publication by the scheduled job, exactly once. All append-only.

-- The result of one selected target. What may change is in result_version; this row never does.
create table result (
    id                   varchar(32)  primary key,
    draw_id              varchar(32)  not null,
    uscc                 varchar(18)  not null,
    authority            char(6)      not null,
    region_code          char(6)      not null,
    enterprise_name      text         not null,
    quarter              char(6)      not null,
    confidential         boolean      not null,
    confidential_reason  text,
    recorded_at          timestamptz  not null,
    recorded_by          text         not null,
    unique (draw_id, uscc),
    foreign key (draw_id, uscc) references draw_target (draw_id, uscc),
    check (not confidential or confidential_reason is not null)
);
create index result_authority_idx on result (authority, id);
create sequence result_seq;

-- Version 1 is the result as recorded; every correction is a new version with its reason.
create table result_version (
    result_id           varchar(32)  not null references result (id),
    version             integer      not null check (version >= 1),
    inspection_date     date         not null,
    determination_date  date         not null check (determination_date >= inspection_date),
    wording             text         not null,
    wording_text        text         not null,
    problems            jsonb        not null,
    handling            text[]       not null,
    violation_found     boolean      not null,
    non_site            boolean      not null,
    team                text[]       not null,
    -- the day the 20 working days count from: the determination date, or for a correction the day it was made
    deadline_basis      date         not null,
    correction_reason   text,
    recorded_at         timestamptz  not null,
    recorded_by         text         not null,
    primary key (result_id, version),
    check ((version = 1) = (correction_reason is null))
);

-- The bureau holds a result back from publication with a reason, and releases it; the latest row stands.
create table result_hold (
    id           bigserial    primary key,
    result_id    varchar(32)  not null references result (id),
    action       text         not null check (action in ('HOLD', 'RELEASE')),
    reason       text         not null,
    recorded_at  timestamptz  not null,
    recorded_by  text         not null
);
create index result_hold_idx on result_hold (result_id, id);

-- Publication of one version of a result. The primary key makes a second publication impossible,
-- whichever replica's job tries. The public fields are copied here so the portal reads one table.
create table publication (
    result_id           varchar(32)  not null,
    version             integer      not null,
    draw_id             varchar(32)  not null,
    authority           char(6)      not null,
    region_code         char(6)      not null,
    quarter             char(6)      not null,
    uscc                varchar(18)  not null,
    enterprise_name     text         not null,
    inspection_date     date         not null,
    determination_date  date         not null,
    wording             text         not null,
    wording_text        text         not null,
    correction_reason   text,
    deadline            date,
    on_time             boolean,
    published_at        timestamptz  not null,
    published_date      date         not null,
    primary key (result_id, version),
    foreign key (result_id, version) references result_version (result_id, version)
);
create index publication_list_idx on publication (published_date desc, result_id, version);
create index publication_region_idx on publication (region_code, published_date desc, result_id, version);
create index publication_uscc_idx on publication (uscc);
create index publication_draw_idx on publication (draw_id);

-- Overdue: not published by the end of its deadline day; marked once by the job.
create table publication_overdue (
    result_id  varchar(32)  not null,
    version    integer      not null,
    deadline   date         not null,
    marked_at  timestamptz  not null,
    primary key (result_id, version),
    foreign key (result_id, version) references result_version (result_id, version)
);

-- Name search (substring of two or more characters) needs trigrams. Where the extension cannot be
-- created (no contrib package, no privilege) the portal still works, by a sequential scan.
do $$
begin
    begin
        create extension if not exists pg_trgm;
    exception when others then
        raise notice 'pg_trgm is not available (%); name search runs without its index', sqlerrm;
    end;
    if exists (select 1 from pg_extension where extname = 'pg_trgm') then
        execute 'create index publication_name_trgm_idx on publication using gin (enterprise_name gin_trgm_ops)';
    end if;
end $$;

create trigger result_append_only before update or delete on result for each row execute function reject_rewrite();
create trigger result_version_append_only before update or delete on result_version for each row execute function reject_rewrite();
create trigger result_hold_append_only before update or delete on result_hold for each row execute function reject_rewrite();
create trigger publication_append_only before update or delete on publication for each row execute function reject_rewrite();
create trigger publication_overdue_append_only before update or delete on publication_overdue for each row execute function reject_rewrite();
create trigger result_no_truncate before truncate on result for each statement execute function reject_rewrite();
create trigger result_version_no_truncate before truncate on result_version for each statement execute function reject_rewrite();
create trigger result_hold_no_truncate before truncate on result_hold for each statement execute function reject_rewrite();
create trigger publication_no_truncate before truncate on publication for each statement execute function reject_rewrite();
create trigger publication_overdue_no_truncate before truncate on publication_overdue for each statement execute function reject_rewrite();
