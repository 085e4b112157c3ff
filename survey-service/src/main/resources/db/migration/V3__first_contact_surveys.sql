-- The survey of the answer given at the first contact (a complaint resolved then has no work order): keyed by the
-- complaint number in dispatch_id, its work order absent; result holds what the customer was told then.
alter table survey_tasks add column first_contact boolean not null default false;
-- ... and no department: nobody was dispatched.
alter table survey_tasks alter column department drop not null;
