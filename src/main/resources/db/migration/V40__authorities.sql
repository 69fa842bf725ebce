-- The enforcement authorities (检查机关) of the regions: each version of an authority's official name,
-- address and contact, append-only; the authority as it stands is its latest version. A region without
-- a version is named by the default rule (〈市〉生态环境局〈县〉分局), which the service computes.
create table authority_version (
    region_code    char(6)      not null,
    version        integer      not null check (version >= 1),
    name           text         not null,
    address        text,
    contact        text,
    change_reason  text         not null,
    recorded_at    timestamptz  not null,
    recorded_by    text         not null,
    primary key (region_code, version)
);

create trigger authority_version_append_only before update or delete on authority_version
    for each row execute function reject_rewrite();
create trigger authority_version_no_truncate before truncate on authority_version
    for each statement execute function reject_rewrite();
