-- What the customer is owed (DB3212/T 1102-2022): the CONTACT, ANSWER and PROGRESS clocks. A case
-- remembers when the customer was last reached and when the final answer was given; PROGRESS runs
-- more than once per case, each run with its sequence (0 for the clocks that run once).
alter table cases add column last_reached_at timestamptz, add column answered_at timestamptz;
alter table clocks add column sequence int not null default 0;
alter table clocks drop constraint clocks_pkey, add primary key (complaint_id, clock, dispatch_id, sequence);
