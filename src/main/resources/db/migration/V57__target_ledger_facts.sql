-- The facts of a target that the inspection ledger (seed 004, 附件3 and 附件4) asks for: 企业类型,
-- 法定代表人, 经纬度, 是否超低排放改造, 是否2019年以来自主验收, and its 22-option 行业类别 beside the
-- national industry text. All optional: null is "not recorded", not "no". Codes are those of
-- EnterpriseType and LedgerIndustry; coordinates are decimal degrees inside China.
alter table target
    add column enterprise_type          text,
    add column legal_representative     text,
    add column longitude                numeric(9, 6) check (longitude between 73 and 136),
    add column latitude                 numeric(8, 6) check (latitude between 3 and 54),
    add column ultra_low_emission       boolean,
    add column self_accepted_since_2019 boolean,
    add column ledger_industry          text,
    add constraint target_point_whole check ((longitude is null) = (latitude is null));
