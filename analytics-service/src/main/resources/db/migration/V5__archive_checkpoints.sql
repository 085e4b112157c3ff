-- Signed checkpoints of the archive (AuditCheckpoint, published to the topic audit-checkpoints): each
-- names, per partition, how many events the archive held then, and GET /audit/verify recomputes the
-- partition's digest from the events that were there at that moment. So every archived event knows
-- its ordinal among its partition's archived events (from 1, in the order they were archived: log
-- order, and for a re-driven record the moment it was re-driven), and each partition's digest row
-- counts its events; both move in the transaction that appends, under the digest row's lock.
alter table audit_digests add column events bigint not null default 0;
update audit_digests d set events = coalesce((select sum(h.length) from audit_heads h
                                               where h.partition = d.partition), 0);

alter table audit_events add column ordinal bigint;
update audit_events e set ordinal = o.ordinal
  from (select event_id, row_number() over (partition by partition order by log_offset, seq) as ordinal
          from audit_events) o
 where o.event_id = e.event_id;
alter table audit_events alter column ordinal set not null;
create index audit_events_by_ordinal on audit_events (partition, ordinal);
