-- An outage incident holds a linked complaint's own work order (IncidentLinked): that work order has no RETURN
-- clock, and its Returned starts the SURVEY clock. A case is linked once, so it holds at most one. (The PROOF clock
-- of a billing dispute needs no column: a clock like the others, which closing the case does not stop.)
alter table cases add column held_work_order text;
