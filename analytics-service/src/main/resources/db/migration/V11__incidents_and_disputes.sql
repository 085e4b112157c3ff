-- Outage incidents and billing disputes (seeds 002 and 004) as analytics learns them: from each complaint's own
-- events (IncidentLinked, EstimatedRepairChanged, the Returned of a work order an incident holds; the registration's
-- billingDispute, SpProofReceived, ProvisionalRefundGranted). Routing owns the incidents; analytics sees only what
-- the linked complaints' events say. Projections of the log like every table of this schema: written in the
-- projection's transaction (an event archived before is never applied again, so nothing is counted twice) and
-- rebuilt by POST /admin/rebuild. Logs older than these events hold none of them, so the tables start empty.

-- One row per incident some complaint was linked to. The facts (title, region, category, department, declared_at)
-- as the first link told them; the estimate of the highest revision any linked complaint was told; linked: the
-- complaints linked; returned: their held work orders returned (routing resolves an incident by returning each).
create table incidents (
    incident_id          text primary key,
    title                text not null,
    region               text not null,
    category             text not null,
    department           text not null,
    declared_at          timestamptz not null,
    estimated_repair_at  timestamptz not null,
    revision             int not null,
    linked               int not null,
    returned             int not null,
    first_linked_at      timestamptz not null,
    last_returned_at     timestamptz
);
-- The monthly report's incidents: declared in a range.
create index incidents_by_declaration on incidents (declared_at, incident_id);

-- One row per complaint that disputes a service provider's charge: what is disputed, as registered, and how it ended
-- (the SP's proof, or a provisional refund; never both).
create table disputes (
    complaint_id         text primary key,
    sp_code              text not null,
    service_name         text not null,
    disputed_fen         bigint not null,
    billing_period       text not null,
    registered_at        timestamptz not null,
    proof_at             timestamptz,
    refund_at            timestamptz,
    refund_fen           bigint not null default 0
);
-- GET /kpis/sp and the monthly report: disputes registered in a range.
create index disputes_by_registration on disputes (registered_at, complaint_id);

-- The incident each case is linked to (hotspots tell outages someone declared from those nobody did); null when none.
alter table cases add column incident_id text;

-- A notice to the emergency leadership group of an incident (EscalationNotice v2, INCIDENT_SIZE and
-- INCIDENT_KEY_CUSTOMER) names the incident and has no deadline.
alter table escalations
    alter column deadline drop not null,
    add column incident_id text;
