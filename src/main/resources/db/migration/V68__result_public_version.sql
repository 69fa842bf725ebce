-- Read views through which publication and the reports learn what they need of a result without naming
-- result's tables, so that result may change its tables behind them. PostgreSQL inlines them: a reader's
-- plan is the one it had on the tables, and a column nobody selects costs nothing.

-- result: each version of a result, with what publication copies when it publishes it (the result's public
-- fields, the items' outcomes as the portal shows them and their distinct wordings in item order, 处理情况)
-- and what decides whether and from when it may be published: superseded by a correction, withheld
-- (confidential and not declassified), held now (the latest hold action) and why, declassified since when.
create view result_public_version as
select v.result_id,
       v.version,
       r.draw_id,
       r.authority,
       r.region_code,
       r.quarter,
       r.uscc,
       r.enterprise_name,
       v.inspection_date,
       v.determination_date,
       v.wording,
       v.wording_text,
       v.correction_reason,
       v.deadline_basis,
       v.handling,
       exists (select 1 from result_version_superseded s where s.result_id = v.result_id and s.version = v.version) as superseded,
       r.confidential and not exists (select 1 from result_declassification x where x.result_id = r.id) as withheld,
       (select x.recorded_at from result_declassification x where x.result_id = r.id) as declassified_at,
       coalesce((select h.action = 'HOLD' from result_hold h where h.result_id = r.id order by h.id desc limit 1), false) as held,
       (select case when h.action = 'HOLD' then h.reason end from result_hold h where h.result_id = r.id
        order by h.id desc limit 1) as hold_reason,
       (select coalesce(jsonb_agg(jsonb_strip_nulls(jsonb_build_object('itemId', i.item_id, 'itemName', i.item_name,
                   'subItem', i.sub_item, 'wording', i.wording, 'wordingText', i.wording_text)) order by i.position), '[]')
        from result_item i where i.result_id = v.result_id and i.version = v.version) as items,
       array(select i.wording from result_item i where i.result_id = v.result_id and i.version = v.version
             group by i.wording order by min(i.position)) as wordings
from result_version v
join result r on r.id = v.result_id;

-- result: since when a result is declassified (null while it is not), after the columns it had, so that the
-- compliance report takes a declassified result's deadline basis from the view it already joins
create or replace view result_disclosure as
select r.id,
       r.draw_id,
       r.uscc,
       r.confidential,
       r.confidential and not exists (select 1 from result_declassification x where x.result_id = r.id) as withheld,
       (select x.recorded_at from result_declassification x where x.result_id = r.id) as declassified_at
from result r;
