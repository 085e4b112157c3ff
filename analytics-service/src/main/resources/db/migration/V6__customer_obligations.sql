-- What the customer was owed and given (DB3212/T 1102-2022), settled per case for the KPIs: see
-- CustomerObligations. Cases projected before this migration count as 0 until the next rebuild.
alter table cases
    add column contact_judged  int not null default 0,
    add column contact_on_time int not null default 0,
    add column answer_judged   int not null default 0,
    add column answer_on_time  int not null default 0,
    add column reply_due       int not null default 0,
    add column replied         int not null default 0,
    add column progress_judged int not null default 0,
    add column progress_met    int not null default 0;
