-- Outage incidents, second round: a retried declaration finds the incident it declared, and a declaration locks only
-- the cases that may join.

-- The Idempotency-Key a declaration came with (none: null): the same key by the same operator is the same declaration.
alter table ${flyway:defaultSchema}_incidents.incidents add column idempotency_key text;
create unique index incidents_by_idempotency_key
    on ${flyway:defaultSchema}_incidents.incidents (declared_by, idempotency_key) where idempotency_key is not null;

-- A case's status (the state's), kept beside it: a declaration scans and locks only cases that may join an incident
-- (registered, waiting for triage, dispatched), never the closed or returned ones of its window.
alter table cases add column status text;
update cases set status = (state::jsonb) ->> 'status';

-- The declaration's match, as CaseStore.candidates asks it: category, region compared upper-cased, registration
-- time, among the cases that may join.
drop index cases_by_category_registered;
create index cases_joinable_by_category_region_registered on cases (category, upper(region), registered_at)
    where status in ('REGISTERED', 'TRIAGE', 'DISPATCHED');
