-- Who read which case's audit archive, and when (GET /audit/reads): every successful read of
-- /audit/complaints/{complaintId}/events and /state, recorded by the request that served it.
--
-- Not a projection of the log: nothing on the log could rebuild it. A rebuild (POST /admin/rebuild)
-- takes every table of the service's schema for a projection (the library's ShadowTables reads them
-- from the catalog) and swaps in a freshly replayed copy, which would empty this one. So it lives in
-- a schema of its own beside the service's, <schema>_access, which a rebuild never touches.
create schema if not exists ${flyway:defaultSchema}_access;

-- subject and name: the verified token's sub and name claims; door: the method and path template
-- that was read; query: the query string as sent, decoded (null when none); read_at: wall-clock time.
create table ${flyway:defaultSchema}_access.audit_reads (
    id                bigint generated always as identity primary key,
    subject           text not null,
    name              text,
    door              text not null,
    complaint_id      text not null,
    query             text,
    read_at           timestamptz not null
);
create index audit_reads_newest on ${flyway:defaultSchema}_access.audit_reads (read_at desc, id desc);
create index audit_reads_by_complaint on ${flyway:defaultSchema}_access.audit_reads (complaint_id, read_at desc, id desc);
