-- 领导交办 (a leader's assignment) is a source of a targeted check of its own, beside 上级部门转办交办.
alter table targeted_check drop constraint targeted_check_source_check;
alter table targeted_check add constraint targeted_check_source_check
    check (source in ('COMPLAINT', 'LEADER_ASSIGNED', 'ASSIGNED', 'REFERRAL', 'INCIDENT', 'NUCLEAR_SAFETY', 'DATA_LEAD', 'OTHER'));
