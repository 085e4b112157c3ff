-- An agent's queue without a status filter (all of its department's orders), nearest deadline first.
create index work_orders_department_by_deadline on work_orders (department, return_deadline, dispatch_id);
