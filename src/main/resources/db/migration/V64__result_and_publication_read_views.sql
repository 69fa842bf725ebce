-- What other capabilities may know of a result without naming its tables: its draw and target, whether it
-- was recorded confidential, and whether it is withheld now (confidential and not declassified since). The
-- public portal decides with it whether a draw is public; owned by result, which alone names result and
-- result_declassification. A view PostgreSQL inlines: a reader's plan is the one it had on the tables.
create view result_disclosure as
select r.id,
       r.draw_id,
       r.uscc,
       r.confidential,
       r.confidential and not exists (select 1 from result_declassification x where x.result_id = r.id) as withheld
from result r;

-- The published rows as the public sees them, with their handling codes: copied at publication since V54,
-- taken from the (append-only) version for rows published before. Owned by publication, which copies a
-- result's public fields when it publishes; the portal reads it instead of publication and result_version.
create view published_result as
select p.*,
       coalesce(p.handling, (select v.handling from result_version v
                             where v.result_id = p.result_id and v.version = p.version)) as handling_codes
from publication p;
