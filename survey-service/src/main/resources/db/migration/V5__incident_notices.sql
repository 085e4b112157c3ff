-- The written notices of an outage incident owed to each linked customer (seed 002): one per IncidentLinked and
-- EstimatedRepairChanged (caused_by, the routing event's id), owed until the desk sends it (contact_id, the
-- CustomerContacted caused by that event) or the case closes. A projection like the others: replayed, a notice
-- already on the log is found sent, and one owed is sent once the partition is caught up.
create table incident_notices (
    caused_by            text primary key,
    complaint_id         text not null,
    partition            int not null,
    incident_id          text not null,
    revision             int not null,
    rescheduled          boolean not null,
    estimated_repair_at  timestamptz not null,
    title                text,
    fault_description    text,
    reason               text,
    contact_id           text,
    owed                 boolean not null
);
create index incident_notices_owed on incident_notices (partition, complaint_id) where owed;
create index incident_notices_by_complaint on incident_notices (complaint_id, incident_id);
