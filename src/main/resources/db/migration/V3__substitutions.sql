-- After a draw, a team member who falls ill or declares a late conflict is replaced by the next
-- eligible candidate of the target's sequence, with a reason. The original selection is never
-- changed: the team in force is the latest substitution's.
create table draw_substitution (
    id            bigserial    primary key,
    draw_id       varchar(32)  not null references draw (id),
    uscc          varchar(18)  not null,
    replaced      varchar(32)  not null,
    replacement   varchar(32)  not null,
    team          text[]       not null,
    reason        text         not null,
    recorded_at   timestamptz  not null,
    recorded_by   text         not null,
    foreign key (draw_id, uscc) references draw_target (draw_id, uscc)
);
create index draw_substitution_idx on draw_substitution (draw_id, uscc, id);
create trigger draw_substitution_append_only before update or delete on draw_substitution
    for each row execute function reject_rewrite();
create trigger draw_substitution_no_truncate before truncate on draw_substitution
    for each statement execute function reject_rewrite();
