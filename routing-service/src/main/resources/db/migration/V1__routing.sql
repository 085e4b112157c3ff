-- routing-service's own schema. Every table but the outbox is a projection of complaint-events
-- and is rebuilt by replaying the log (POST /admin/rebuild).

-- How far the log has been applied, per partition, committed with what it produced.
create table consumer_offsets (
    partition         int primary key,
    next_offset       bigint not null
);

-- Events already applied (from the log, or decided here); a redelivered event is skipped.
create table processed_events (
    event_id          uuid primary key
);

-- Each case folded from its events (the contracts' CaseState), and what routing still owes it.
create table cases (
    complaint_id      text primary key,
    partition         int not null,
    pending           text,
    state             jsonb not null
);
create index cases_pending on cases (partition) where pending is not null;

-- Work orders as departments see them.
create table work_orders (
    dispatch_id          text primary key,
    complaint_id         text not null,
    attempt              int not null,
    department           text not null,
    rule                 text not null,
    previous_dispatch_id text,
    status               text not null,
    dispatched_at        timestamptz not null,
    warn_at              timestamptz,
    return_deadline      timestamptz,
    returned_at          timestamptz,
    returned_by          text,
    resolution           text,
    operator_at_fault    boolean,
    result               jsonb
);
create index work_orders_queue on work_orders (department, status, dispatched_at, dispatch_id);
create index work_orders_by_status on work_orders (status, dispatched_at, dispatch_id);
create index work_orders_by_complaint on work_orders (complaint_id);

-- Transactional outbox (see intake-service): Dispatched, Redispatched and Returned wait here
-- until Kafka acknowledged them.
create table outbox (
    id                bigserial primary key,
    event_id          uuid not null,
    message_key       text not null,
    headers           jsonb not null,
    payload           bytea not null,
    created_at        timestamptz not null default now()
);
