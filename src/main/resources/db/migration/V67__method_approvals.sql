-- The bureau's recorded approval of another inspection method (seed 001 二（五）: 书面检查, or a qualified
-- third party, "应经本级生态环境部门批准后实施") for a target, for one item or for every item, valid from one
-- day to another. authority is the approving bureau's region: only its own draws plan by it. A withdrawal is a
-- row of its own, never an edit.
create table target_method_approval (
    id            bigserial    primary key,
    uscc          varchar(18)  not null references target (uscc),
    authority     varchar(6)   not null,
    item_id       bigint,
    method        text         not null check (method in ('DOCUMENTARY', 'THIRD_PARTY')),
    reason        text         not null,
    reference     text,
    valid_from    date         not null,
    valid_to      date         not null check (valid_to >= valid_from),
    approved_at   timestamptz  not null,
    approved_by   text         not null
);
create index target_method_approval_uscc_idx on target_method_approval (uscc, valid_from);
create index target_method_approval_authority_idx on target_method_approval (authority, valid_from);
create trigger target_method_approval_append_only before update or delete on target_method_approval
    for each row execute function reject_rewrite();
create trigger target_method_approval_no_truncate before truncate on target_method_approval
    for each statement execute function reject_rewrite();

-- An approval withdrawn, once, with the reason: it is not valid from withdrawn_on on.
create table target_method_approval_withdrawal (
    approval_id   bigint       primary key references target_method_approval (id),
    withdrawn_on  date         not null,
    reason        text         not null,
    recorded_at   timestamptz  not null,
    recorded_by   text         not null
);
create trigger target_method_approval_withdrawal_append_only before update or delete on target_method_approval_withdrawal
    for each row execute function reject_rewrite();
create trigger target_method_approval_withdrawal_no_truncate before truncate on target_method_approval_withdrawal
    for each statement execute function reject_rewrite();

-- The approvals valid on the draw date for the pooled targets, as they stood at prepare, one a line:
-- "<uscc> <item id, or * for every item> <method>", in byte order. Null for draws prepared before.
alter table draw add column method_approval text;

-- A visit made wholly by an approved method is neither on site nor by technology.
alter table draw_target drop constraint draw_target_method_check;
alter table draw_target add constraint draw_target_method_check
    check (method in ('ON_SITE', 'TECHNOLOGY', 'DOCUMENTARY', 'THIRD_PARTY'));
