-- Outage incidents (seed 002) and billing disputes (seed 004).
--
-- An incident is declared by an operator: it is routing's own state, not a projection of the log (an incident that
-- gathered no complaint yet, its match rule and its resolution are on no event). A rebuild (POST /admin/rebuild)
-- takes every table of the service's schema for a projection and swaps in a copy replayed from the log, which would
-- empty it; so, like analytics' record of audit reads, it lives in a schema of its own beside the service's,
-- <schema>_incidents, which a rebuild never touches. What the incident decided for each complaint is on the log
-- (IncidentLinked, EstimatedRepairChanged, the Returned of each held work order) and in the projections below.
create schema if not exists ${flyway:defaultSchema}_incidents;

-- One row, locked by every decision that depends on which incidents are open: FOR SHARE by the consumer and the
-- escalation watch before they decide a dispatch, FOR UPDATE by the incident doors (declare, estimate, resolve), so a
-- registration is never dispatched past an incident declared meanwhile, nor linked to one resolved meanwhile.
create table ${flyway:defaultSchema}_incidents.incident_gate (
    id                int primary key check (id = 1)
);
insert into ${flyway:defaultSchema}_incidents.incident_gate (id) values (1);

create table ${flyway:defaultSchema}_incidents.incidents (
    incident_id          text primary key,
    -- numbered per business day: INC-<business_day>-<number>
    business_day         date not null,
    number               int not null,
    region               text not null,
    category             text not null,
    title                text not null,
    fault_description    text not null,
    department           text not null,
    -- the complaints it gathers: registered in [match_from, match_to) (no match_to: while open), or those listed
    match_from           timestamptz,
    match_to             timestamptz,
    complaint_ids        text[],
    declared_at          timestamptz not null,
    declared_by          text not null,
    estimated_repair_at  timestamptz not null,
    revision             int not null,
    estimate_reason      text,
    status               text not null,
    resolved_at          timestamptz,
    resolved_by          text,
    -- the return made for every linked complaint (the four parts, resolution, fault)
    resolution           jsonb,
    linked               int not null default 0,
    -- the reasons the emergency leadership group was told of it (NoticeReason names)
    noticed              text[] not null default '{}',
    unique (business_day, number)
);
create index incidents_by_status on ${flyway:defaultSchema}_incidents.incidents (status, declared_at, incident_id);

-- Which complaints an incident may gather: a case's region, category and registration time, kept beside its state.
alter table cases
    add column region text,
    add column category text,
    add column registered_at timestamptz;
update cases set region = (state::jsonb) -> 'registration' ->> 'region',
                 category = (state::jsonb) -> 'registration' ->> 'category',
                 registered_at = ((state::jsonb) -> 'registration' ->> 'occurredAt')::timestamptz;
create index cases_by_category_registered on cases (category, registered_at);

alter table work_orders
    -- the incident holding the order (its rule is incident:<id>); such orders are reached through the incident,
    -- not listed in the queue, where the incident's one work order stands for them
    add column incident_id text,
    -- the complaint's billing dispute and how it ended (JSON), for every order of a disputing case
    add column dispute jsonb;
update work_orders set incident_id = substring(rule from length('incident:') + 1) where rule like 'incident:%';
create index work_orders_by_incident on work_orders (incident_id, dispatched_at, dispatch_id) where incident_id is not null;
