-- Holiday notices loaded by administrators when the State Council publishes a new year's (2027's
-- is due). The years 2020-2026 ship with the service; an uploaded notice for a year takes
-- precedence over the shipped one. Every upload is kept.
create table calendar_notice (
    id           bigserial    primary key,
    year         integer      not null check (year between 2000 and 2100),
    notice       text         not null,
    uploaded_at  timestamptz  not null,
    uploaded_by  text         not null
);
create index calendar_notice_year_idx on calendar_notice (year, id);
create trigger calendar_notice_append_only before update or delete on calendar_notice
    for each row execute function reject_rewrite();
