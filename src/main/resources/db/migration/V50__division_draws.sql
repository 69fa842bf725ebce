-- Each responsible division (责任处室) of an authority draws undirected once a quarter: the slot that
-- held one undirected draw per authority and quarter is now per division. Draws of items without a
-- division keep the empty division, and with it the old rule. A draw whose items belong to two or
-- more divisions is an internal joint inspection (内部联合抽查), led by its division.
alter table draw add column division text not null default '';
alter table draw add column joint boolean not null default false;
alter table undirected_slot add column division text not null default '';
alter table undirected_slot drop constraint undirected_slot_pkey;
alter table undirected_slot add primary key (authority, quarter, division, replaces);
