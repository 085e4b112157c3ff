-- sla-service's own schema. Cases and clocks are a projection of complaint-events (including the
-- service's own SlaClockStarted, SlaWarningRaised and SlaBreached) and are rebuilt by POST /sla/replay.

-- How far the log has been applied, per partition, committed with the clocks it produced.
create table consumer_offsets (
    partition         int primary key,
    next_offset       bigint not null
);

-- What of each complaint decides its limits.
create table cases (
    complaint_id      text primary key,
    partition         int not null,
    category          text,
    urgency           text,
    tier              text,
    channel           text,
    closed_at         timestamptz
);

-- Every clock. dispatch_id is '' for the CASE clock. warning_open / breach_open say whether a
-- warning / breach may still be raised (not raised yet, and the clock did not stop in time).
create table clocks (
    complaint_id      text not null,
    clock             text not null,
    dispatch_id       text not null,
    partition         int not null,
    started_by        uuid,
    started_at        timestamptz not null,
    warn_at           timestamptz not null,
    deadline          timestamptz not null,
    policy_id         text not null,
    policy_kind       text not null,
    policy_limit      text,
    warning_ratio     double precision not null,
    stopped_at        timestamptz,
    announced         boolean not null,
    warned_at         timestamptz,
    breached_at       timestamptz,
    warning_open      boolean not null,
    breach_open       boolean not null,
    primary key (complaint_id, clock, dispatch_id)
);
create index clocks_warning_due on clocks (partition, warn_at) where warning_open;
create index clocks_breach_due on clocks (partition, deadline) where breach_open;
create index clocks_open on clocks (deadline) where stopped_at is null;
create index clocks_unannounced on clocks (partition) where not announced;

-- Transactional outbox (see intake-service).
create table outbox (
    id                bigserial primary key,
    event_id          uuid not null,
    message_key       text not null,
    headers           jsonb not null,
    payload           bytea not null,
    created_at        timestamptz not null default now()
);
