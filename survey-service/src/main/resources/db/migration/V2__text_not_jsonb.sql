-- Rewritten on every event of a case and only read back whole: text costs a third of jsonb to write.
alter table cases alter column state type text;
alter table outbox alter column headers type text;
