-- A city's scoring scheme (评分标准) for a year, as city policy with its history (#18): every change
-- is a new version; the scheme in force is the latest. Nothing is overwritten.
create table scoring_scheme (
    region_code  char(6)      not null,
    year         integer      not null check (year between 2000 and 2100),
    version      integer      not null check (version >= 1),
    scheme       jsonb        not null,
    reason       text,
    recorded_at  timestamptz  not null,
    recorded_by  text         not null,
    primary key (region_code, year, version)
);

create trigger scoring_scheme_append_only before update or delete on scoring_scheme
    for each row execute function reject_rewrite();
create trigger scoring_scheme_no_truncate before truncate on scoring_scheme
    for each statement execute function reject_rewrite();
