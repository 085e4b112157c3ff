-- A digest per partition of every case archived there (ArchiveDigest: the sum of each case's keyed
-- contribution over its head), moved along in the transaction that appends to the archive, so that
-- GET /audit/verify notices a case deleted whole, which no per-case chain can show. A head knows
-- its partition (a case lives on one: the key is its complaint number).
alter table audit_heads add column partition int;
update audit_heads h set partition = e.partition
  from (select distinct on (complaint_id) complaint_id, partition from audit_events order by complaint_id, seq) e
 where e.complaint_id = h.complaint_id;
create index audit_heads_partition on audit_heads (partition);

-- A partition's row is first written from the heads it then has (an archive of an older version is
-- taken as it stands), and moved along by every append after.
create table audit_digests (
    partition int primary key,
    cases     bigint not null,
    digest    bytea not null
);
