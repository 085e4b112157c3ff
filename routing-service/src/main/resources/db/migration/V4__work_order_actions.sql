-- Work orders a department can act on (urge, escalate, transfer, fault). Projections like the rest: a rebuild
-- (POST /admin/rebuild) fills the new columns of work orders dispatched before them.

-- When the open work order's next escalation level falls due (the escalation watch looks for these).
alter table cases add column escalation_due timestamptz;
create index cases_escalation_due on cases (escalation_due) where escalation_due is not null;

alter table work_orders
    -- The complaint as the department needs it, as known when the order was dispatched (JSON).
    add column brief jsonb,
    -- The RETURN clock's warning and breach, as the SLA service raised them.
    add column warned_at timestamptz,
    add column breached_at timestamptz,
    -- What routing did about them: the urge, the escalation ladder's last level and desk, management told.
    add column urged_at timestamptz,
    add column escalation_level int not null default 0,
    add column escalated_to text,
    add column noticed_at timestamptz,
    add column transfers int not null default 0,
    -- Transfers, urges, escalations and notices, in log order (JSON array).
    add column history jsonb not null default '[]',
    -- The return's finding: who was at fault, who is accountable.
    add column fault_of text,
    add column accountable text;

-- The queue's default order: the nearest RETURN deadline first.
create index work_orders_queue_by_deadline on work_orders (department, status, return_deadline, dispatch_id);
create index work_orders_by_status_deadline on work_orders (status, return_deadline, dispatch_id);
