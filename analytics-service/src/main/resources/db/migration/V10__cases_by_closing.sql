-- The dashboard (GET /dashboard) counts the cases closed on a day: closed_at in a range. The other indexes of cases
-- lead with other columns (cases_recurrence with the customer's phone), so without this one the count reads the whole
-- table. Only closed cases have a closed_at. A rebuild builds it on its shadow table like every index (ShadowTables).
create index cases_by_closing on cases (closed_at) where closed_at is not null;
