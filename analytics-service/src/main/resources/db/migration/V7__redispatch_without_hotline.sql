-- Work orders of a case other than the manager hotline's: a case handed to the hotline is not a redispatch
-- for the redispatch rate. Cases projected before this migration count with 0 until the next rebuild.
alter table cases add column redispatch_attempts int not null default 0;
