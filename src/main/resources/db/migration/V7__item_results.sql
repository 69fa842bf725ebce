-- Results per item of the visit, and the result wording (抽查结果用语) as data per region.
-- DOMAIN: "one result per item of the visit, in standard wording … The wording is data per region."

-- The wordings. National ones (region 000000, seeded here with the plan's list and the national
-- portal's 已关闭停业或正在组织清算, codes as the former enum) apply everywhere; a province, city or
-- county adds its own through the API. A region's vocabulary: national + its province's + its
-- city's + its own. Codes are unique service-wide, so a code means one text wherever it is read.
create table wording (
    code         varchar(40)  primary key check (code ~ '^[A-Z][A-Z0-9_]{1,39}$'),
    -- the order wordings are listed in (the plan's order for the national ones)
    seq          bigint       generated always as identity unique,
    region_code  char(6)      not null,
    text         text         not null check (length(text) between 1 and 100),
    -- usable for results determined on or after this date
    valid_from   date         not null,
    reason       text,
    recorded_at  timestamptz  not null,
    recorded_by  text         not null
);
create index wording_region_idx on wording (region_code, code);

-- Retirement: not usable for results determined on or after retired_from. Results that carry the
-- wording keep it (and its text) for good.
create table wording_retirement (
    code          varchar(40)  primary key references wording (code),
    retired_from  date         not null,
    reason        text         not null,
    recorded_at   timestamptz  not null,
    recorded_by   text         not null
);

insert into wording (code, region_code, text, valid_from, reason, recorded_at, recorded_by) values
    ('NO_PROBLEM',         '000000', '未发现问题',                         date '2000-01-01', '石家庄市2022年双随机抽查工作方案', now(), 'system:V7'),
    ('INFO_NOT_DISCLOSED', '000000', '未按规定公示信息',                   date '2000-01-01', '石家庄市2022年双随机抽查工作方案', now(), 'system:V7'),
    ('INFO_FALSIFIED',     '000000', '公示信息隐瞒真实情况、弄虚作假',     date '2000-01-01', '石家庄市2022年双随机抽查工作方案', now(), 'system:V7'),
    ('UNREACHABLE',        '000000', '通过登记依据（经营场所）无法联系',   date '2000-01-01', '石家庄市2022年双随机抽查工作方案', now(), 'system:V7'),
    ('CORRECTED',          '000000', '发现问题已责令改正',                 date '2000-01-01', '石家庄市2022年双随机抽查工作方案', now(), 'system:V7'),
    ('OBSTRUCTED',         '000000', '不配合检查情节严重',                 date '2000-01-01', '石家庄市2022年双随机抽查工作方案', now(), 'system:V7'),
    ('NO_ACTIVITY',        '000000', '未发现开展本次抽查涉及的经营活动',   date '2000-01-01', '石家庄市2022年双随机抽查工作方案', now(), 'system:V7'),
    ('PENDING_HANDLING',   '000000', '发现问题待处理',                     date '2000-01-01', '石家庄市2022年双随机抽查工作方案', now(), 'system:V7'),
    ('CLOSED',             '000000', '已关闭停业或正在组织清算',           date '2000-01-01', '国家企业信用信息公示系统', now(), 'system:V7');

-- One outcome per item of the draw, per result version. result_version.wording stays as the
-- visit's summary (the first item wording other than 未发现问题 in the draw's item order, else
-- 未发现问题), so that lists keep one phrase.
create table result_item (
    result_id     varchar(32)  not null,
    version       integer      not null,
    -- the item's place in the draw's items (1-based; draws keep their items in id order)
    position      integer      not null check (position >= 1),
    item_id       bigint       not null references inspection_item (id),
    -- as the item was named when the result was recorded
    item_name     text         not null,
    sub_item      text,
    wording       varchar(40)  not null references wording (code),
    wording_text  text         not null,
    primary key (result_id, version, item_id),
    unique (result_id, version, position),
    foreign key (result_id, version) references result_version (result_id, version)
);
create index result_item_wording_idx on result_item (wording);

-- Versions recorded before items had their own outcome: the visit's one wording was the outcome of
-- every item of the draw. Inserted, not rewritten.
insert into result_item (result_id, version, position, item_id, item_name, sub_item, wording, wording_text)
select v.result_id, v.version, i.ord, i.id, it.name, it.sub_item, v.wording, v.wording_text
from result_version v
join result r on r.id = v.result_id
join draw d on d.id = r.draw_id
cross join lateral unnest(d.items) with ordinality as i (id, ord)
join inspection_item it on it.id = i.id;

-- Publication copies the items' outcomes (what the portal shows) and their distinct wording codes
-- (what its result filter matches: any item of that wording), GIN-indexed.
alter table publication add column items jsonb, add column wordings text[];
-- The one rewrite of publication rows ever: filling the two new columns of rows published before
-- they existed, from the same result_item rows as above. Nothing already published changes meaning.
alter table publication disable trigger publication_append_only;
update publication p
set items = coalesce((select jsonb_agg(jsonb_strip_nulls(jsonb_build_object('itemId', i.item_id, 'itemName', i.item_name,
                                 'subItem', i.sub_item, 'wording', i.wording, 'wordingText', i.wording_text))
                              order by i.position)
             from result_item i where i.result_id = p.result_id and i.version = p.version), '[]'),
    wordings = array[p.wording];
alter table publication enable trigger publication_append_only;
alter table publication alter column items set not null, alter column wordings set not null;
create index publication_wordings_idx on publication using gin (wordings);

create trigger wording_append_only before update or delete on wording for each row execute function reject_rewrite();
create trigger wording_retirement_append_only before update or delete on wording_retirement for each row execute function reject_rewrite();
create trigger result_item_append_only before update or delete on result_item for each row execute function reject_rewrite();
create trigger wording_no_truncate before truncate on wording for each statement execute function reject_rewrite();
create trigger wording_retirement_no_truncate before truncate on wording_retirement for each statement execute function reject_rewrite();
create trigger result_item_no_truncate before truncate on result_item for each statement execute function reject_rewrite();
