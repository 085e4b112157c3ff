-- The projection of the test application: one row per note applied from the log. No unique key on
-- the record's position on purpose: a record applied twice shows as two rows, not as an error.
create table notes (
    seq               bigint generated always as identity primary key,
    note_key          text not null,
    text              text not null,
    version           int not null,
    log_partition     int not null,
    log_offset        bigint not null
);
-- A plain index, so that a rebuild has one to build on its shadow table.
create index notes_by_key on notes (note_key);
