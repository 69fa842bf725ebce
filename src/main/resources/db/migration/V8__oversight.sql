-- Oversight (issue 6): targeted checks recorded beside the random ones, accountability judgements,
-- one view of every check's current record for the reports, and the indexes their aggregate
-- queries need. All append-only.

-- A targeted (non-random) check: a complaint, a referral, an incident, a data lead. Not a result of a
-- draw and not published by the publication job; recorded so that the city's figures cover every
-- check, as seed 000's do. The reports keep it apart from the random checks.
create table targeted_check (
    id                varchar(32)  primary key,
    authority         char(6)      not null,
    uscc              varchar(18)  not null references target (uscc),
    region_code       char(6)      not null,
    enterprise_name   text         not null,
    source            text         not null check (source in ('COMPLAINT', 'ASSIGNED', 'REFERRAL', 'INCIDENT',
                                                              'NUCLEAR_SAFETY', 'DATA_LEAD', 'OTHER')),
    source_reference  text,
    inspection_date   date         not null,
    problems          jsonb        not null,
    handling          text[]       not null,
    violation_found   boolean      not null,
    non_site          boolean      not null,
    team              text[]       not null,
    note              text,
    recorded_at       timestamptz  not null,
    recorded_by       text         not null,
    check (cardinality(team) >= 2)
);
create sequence targeted_check_seq;
create index targeted_check_authority_idx on targeted_check (authority, inspection_date);
create index targeted_check_uscc_idx on targeted_check (uscc, inspection_date);
create index targeted_check_date_idx on targeted_check (inspection_date);

-- A person's judgement (seed 004, 应查出而未查出) that a violation found by a later check should have
-- been found by an earlier check of the same enterprise that found nothing. The earlier team is
-- kept as it stood when judged: a later correction of the earlier result does not move the blame.
create table accountability_judgement (
    id                 varchar(32)  primary key,
    uscc               varchar(18)  not null,
    earlier_kind       text         not null check (earlier_kind in ('RANDOM', 'TARGETED')),
    earlier_id         varchar(32)  not null,
    earlier_authority  char(6)      not null,
    earlier_date       date         not null,
    earlier_team       text[]       not null,
    later_kind         text         not null check (later_kind in ('RANDOM', 'TARGETED')),
    later_id           varchar(32)  not null,
    later_authority    char(6)      not null,
    later_date         date         not null,
    reason             text         not null,
    recorded_at        timestamptz  not null,
    recorded_by        text         not null,
    unique (earlier_id, later_id),
    check (later_date > earlier_date)
);
create sequence accountability_judgement_seq;
create index accountability_judgement_authority_idx on accountability_judgement (earlier_authority, later_date);

-- A mistaken judgement is never deleted: it is retracted with a reason and stays visible.
create table accountability_retraction (
    judgement_id  varchar(32)  primary key references accountability_judgement (id),
    reason        text         not null,
    recorded_at   timestamptz  not null,
    recorded_by   text         not null
);

-- Which result versions a later version superseded, kept by the database itself on every insert, so
-- that "the current version" is an anti-join against the few corrections rather than against every
-- version of every result.
create table result_version_superseded (
    result_id  varchar(32)  not null,
    version    integer      not null,
    primary key (result_id, version),
    foreign key (result_id, version) references result_version (result_id, version)
);
insert into result_version_superseded (result_id, version)
select v.result_id, v.version from result_version v
where exists (select 1 from result_version w where w.result_id = v.result_id and w.version > v.version);
create function mark_superseded() returns trigger language plpgsql as $$
begin
    if new.version > 1 then
        insert into result_version_superseded (result_id, version) values (new.result_id, new.version - 1)
        on conflict do nothing;
    end if;
    return new;
end $$;
create trigger result_version_supersedes after insert on result_version
    for each row execute function mark_superseded();

-- Every check as the reports count it: the current version of each result of an executed draw that
-- was not voided (a voided draw counts for nothing), and every targeted check.
create view inspection_record as
select 'RANDOM'::text         as kind,
       r.id                   as id,
       r.authority            as authority,
       r.region_code          as region_code,
       r.uscc                 as uscc,
       r.enterprise_name      as enterprise_name,
       r.draw_id              as draw_id,
       v.version              as version,
       v.inspection_date      as inspection_date,
       v.determination_date   as determination_date,
       v.wording              as wording,
       v.wording_text         as wording_text,
       v.problems             as problems,
       jsonb_array_length(v.problems) as problem_count,
       v.handling             as handling,
       v.violation_found      as violation_found,
       v.non_site             as non_site,
       v.team                 as team,
       r.confidential         as confidential,
       null::text             as source
from result r
join result_version v on v.result_id = r.id
where not exists (select 1 from result_version_superseded s where s.result_id = v.result_id and s.version = v.version)
  and not exists (select 1 from draw_void d where d.draw_id = r.draw_id)
union all
select 'TARGETED'::text, c.id, c.authority, c.region_code, c.uscc, c.enterprise_name, null, 1, c.inspection_date,
       c.inspection_date, null, null, c.problems, jsonb_array_length(c.problems), c.handling, c.violation_found,
       c.non_site, c.team, false, c.source
from targeted_check c;

-- The reports select checks by inspection date and enterprise.
create index result_version_inspection_idx on result_version (inspection_date, result_id);
create index result_uscc_idx on result (uscc);
-- Inspector activity reads the inspector registry as it stood at a month's end, by region.
create index registry_version_region_idx on registry_version (entity, region_code, entity_key);

create trigger targeted_check_append_only before update or delete on targeted_check
    for each row execute function reject_rewrite();
create trigger accountability_judgement_append_only before update or delete on accountability_judgement
    for each row execute function reject_rewrite();
create trigger accountability_retraction_append_only before update or delete on accountability_retraction
    for each row execute function reject_rewrite();
create trigger result_version_superseded_append_only before update or delete on result_version_superseded
    for each row execute function reject_rewrite();
create trigger result_version_superseded_no_truncate before truncate on result_version_superseded
    for each statement execute function reject_rewrite();
create trigger targeted_check_no_truncate before truncate on targeted_check
    for each statement execute function reject_rewrite();
create trigger accountability_judgement_no_truncate before truncate on accountability_judgement
    for each statement execute function reject_rewrite();
create trigger accountability_retraction_no_truncate before truncate on accountability_retraction
    for each statement execute function reject_rewrite();
