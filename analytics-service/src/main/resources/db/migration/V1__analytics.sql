-- analytics-service's own schema. Every table is a projection of complaint-events and is rebuilt
-- by replaying the log from offset 0 (POST /admin/rebuild).

-- How far the log has been applied, per partition, committed with what it produced.
create table consumer_offsets (
    partition         int primary key,
    next_offset       bigint not null
);

-- The audit archive: every event of the log once (an event delivered twice is kept at its first
-- offset), indexed by complaint, linked per case by a hash chain (see AuditChain.DEFINITION).
-- data is the record value exactly as it was on the log; headers the record's headers as a JSON
-- object. Both are kept as text (cast to jsonb to query them): writing text costs a third of jsonb.
create table audit_events (
    event_id          uuid primary key,
    complaint_id      text not null,
    seq               int not null,
    partition         int not null,
    log_offset        bigint not null,
    event_type        text not null,
    occurred_at       timestamptz not null,
    headers           text not null,
    data              text not null,
    previous_hash     bytea not null,
    hash              bytea not null,
    rejection         text,
    constraint audit_events_chain unique (complaint_id, seq)
);

-- The end of each case's chain as last archived: where the next event links on, and an anchor
-- that a rewritten last event no longer reaches.
create table audit_heads (
    complaint_id      text primary key,
    length            int not null,
    head              bytea not null
);

-- Each case folded from its events: the contracts' CaseState (JSON text, rewritten on every
-- change, so not jsonb), and the columns operations query.
create table cases (
    complaint_id        text primary key,
    status              text not null,
    category            text not null,
    channel             text not null,
    urgency             text not null,
    tier                text not null,
    region              text not null,
    customer_phone      text,
    first_department    text,
    department          text,
    current_dispatch_id text,
    attempts            int not null,
    registered_at       timestamptz not null,
    closed_at           timestamptz,
    close_outcome       text,
    last_survey         text,
    surveys_passed      int not null,
    surveys_failed      int not null,
    warnings            int not null,
    breaches            int not null,
    returns_judged      int not null,
    returns_on_time     int not null,
    last_event_at       timestamptz not null,
    state               text not null
);
create index cases_by_registration on cases (registered_at, complaint_id);
create index cases_by_status on cases (status, registered_at, complaint_id);
create index cases_by_department on cases (department, registered_at, complaint_id);
create index cases_by_region_category on cases (region, category, registered_at);
create index cases_recurrence on cases (customer_phone, category, closed_at) where closed_at is not null;
