-- Written for every emitted event and only read back whole: text costs a third of jsonb to insert.
alter table outbox alter column headers type text;
