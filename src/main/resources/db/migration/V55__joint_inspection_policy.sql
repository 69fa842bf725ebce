-- The plan's internal joint inspections (内部联合抽查, seed 001 二（五））: each quarter at least a share
-- (3% in Shijiazhuang) of the yearly joint random-inspection count and inspected-subject count that the
-- local leading group office sets. The figures are the bureau's to enter (null until then); a null share
-- is the plan's, read by the service.
alter table policy add column joint_rate numeric(7, 6) check (joint_rate between 0 and 1);
alter table policy add column joint_yearly_inspections integer check (joint_yearly_inspections >= 0);
alter table policy add column joint_yearly_subjects integer check (joint_yearly_subjects >= 0);
