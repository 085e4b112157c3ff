-- survey-service's own schema. Every table but the outbox is a projection of complaint-events
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

-- Each case folded from its events (the contracts' CaseState). Answers lock the case's row.
create table cases (
    complaint_id      text primary key,
    state             jsonb not null
);

-- One survey per returned work order, as survey agents see it.
create table survey_tasks (
    dispatch_id              text primary key,
    complaint_id             text not null,
    attempt                  int not null,
    department               text not null,
    status                   text not null,
    outcome                  text,
    customer_name            text,
    customer_phone           text,
    customer_tier            text,
    channel                  text,
    category                 text,
    subcategory              text,
    urgency                  text,
    region                   text,
    demand                   text,
    returned_at              timestamptz not null,
    returned_by              text,
    resolution               text,
    operator_at_fault        boolean,
    result                   jsonb,
    warn_at                  timestamptz,
    survey_deadline          timestamptz,
    unreachable_count        int not null default 0,
    answered_at              timestamptz,
    surveyed_by              text,
    reason                   text,
    answer_operator_at_fault boolean,
    explanation              text,
    causation_id             text
);
create index survey_tasks_by_status on survey_tasks (status, returned_at, dispatch_id);
create index survey_tasks_all on survey_tasks (returned_at, dispatch_id);
create index survey_tasks_by_complaint on survey_tasks (complaint_id, attempt);

-- Transactional outbox (see intake-service): SurveyPassed, SurveyFailed, CustomerUnreachable and
-- ComplaintClosed wait here until Kafka acknowledged them.
create table outbox (
    id                bigserial primary key,
    event_id          uuid not null,
    message_key       text not null,
    headers           jsonb not null,
    payload           bytea not null,
    created_at        timestamptz not null default now()
);
