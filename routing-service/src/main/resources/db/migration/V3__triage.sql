-- The triage queue: complaints no dispatch rule fits, waiting for an operator (since when, oldest first).
alter table cases add column triage_since timestamptz;
create index cases_triage on cases (triage_since, complaint_id) where triage_since is not null;
