-- Written on every registration and only read back whole: text costs a third of jsonb to insert.
alter table complaints alter column registration type text;
alter table outbox alter column headers type text;
