-- The queue's category and region filters (GET /work-orders?category=&region=): the complaint's classification and
-- region, kept in columns of their own next to the brief they come from (written with it).
alter table work_orders
    add column category text,
    add column region text;

-- Orders there already: from their brief, or, for those dispatched before the brief was kept, from the registration
-- of their case (the one the brief is made from; a complaint's category and region never change).
update work_orders w
set category = coalesce(w.brief ->> 'category',
        (select (c.state::jsonb) -> 'registration' ->> 'category' from cases c where c.complaint_id = w.complaint_id)),
    region = coalesce(w.brief ->> 'region',
        (select (c.state::jsonb) -> 'registration' ->> 'region' from cases c where c.complaint_id = w.complaint_id));

-- A region's orders (and a category of them), nearest RETURN deadline first; a category alone rides on the
-- department and status indexes, three values being no filter an index would help much.
create index work_orders_by_region on work_orders (region, category, return_deadline, dispatch_id);
