-- What routing did to a case's work orders, per case for the KPIs (Kpis.DEFINITION, WorkOrderCounts): work orders
-- dispatched, transferred at least once, urged, escalated at least once, and the faultOf named by each return (one
-- element per return that names one). Written by the projection like every other column, so a rebuild sets them
-- again from the log. Before these events existed a case's work orders were never transferred, urged or escalated
-- and no return named a fault, so 0 and '{}' are exact for cases projected from such logs; the work orders a case
-- has are its attempts.
alter table cases
    add column work_orders        int not null default 0,
    add column transferred_orders int not null default 0,
    add column urged_orders       int not null default 0,
    add column escalated_orders   int not null default 0,
    add column return_faults      text[] not null default '{}';
update cases set work_orders = attempts;

-- Escalations of overdue work orders (GET /escalations): one row per WorkOrderEscalated (kind LADDER: level,
-- addressed_to = escalatedTo) and per EscalationNotice (kind NOTICE: level null, addressed_to and reason), keyed by
-- the event's id; only events the case fold applied. department: the one holding the work order when it was raised.
-- OPEN until the work order is returned or superseded or the case closes, then RESOLVED at that time (resolved_at).
-- A projection of the log like every table of this schema: rebuilt by POST /admin/rebuild.
create table escalations (
    event_id          uuid primary key,
    complaint_id      text not null,
    dispatch_id       text not null,
    department        text not null,
    kind              text not null,
    level             int,
    addressed_to      text not null,
    reason            text,
    deadline          timestamptz not null,
    raised_at         timestamptz not null,
    status            text not null,
    resolved_at       timestamptz
);
-- The list's order: 'OPEN' sorts before 'RESOLVED', so the oldest open come first, with or without a status filter.
create index escalations_by_status on escalations (status, raised_at, complaint_id, level, dispatch_id);
create index escalations_by_department on escalations (department, status, raised_at, complaint_id, level, dispatch_id);
-- Resolving: the open rows of one work order.
create index escalations_open_by_work_order on escalations (complaint_id, dispatch_id) where status = 'OPEN';
