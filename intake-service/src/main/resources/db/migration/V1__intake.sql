-- intake-service's own schema. Complaint numbers come from one sequence, so two instances never
-- hand out the same number.
create sequence complaint_number_seq;

-- Every accepted complaint, as registered (the ComplaintRegistered data).
create table complaints (
    complaint_id      text primary key,
    registered_at     timestamptz not null,
    fingerprint       text not null,
    registration      jsonb not null
);

-- Idempotency: an Idempotency-Key ('key:...') or an external reference ('ref:system/id') names
-- one complaint forever. The primary key makes concurrent duplicates wait for the first and
-- then find it.
create table idempotency_keys (
    key               text primary key,
    complaint_id      text not null,
    fingerprint       text not null,
    created_at        timestamptz not null default now()
);

-- Transactional outbox: events committed with the state that produced them, relayed to Kafka
-- in id order, deleted once acknowledged (acks=all).
create table outbox (
    id                bigserial primary key,
    event_id          uuid not null,
    message_key       text not null,
    headers           jsonb not null,
    payload           bytea not null,
    created_at        timestamptz not null default now()
);
