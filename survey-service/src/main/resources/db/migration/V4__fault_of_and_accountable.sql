-- Who was at fault and who is held accountable, as the work order's return named them (Returned v2): the agent
-- sees them with the return's four parts, and the customer-service centre's own fault closes as RECORDED. Absent
-- on returns that named none; a task returned before this version shows them once rebuilt (POST /admin/rebuild).
alter table survey_tasks add column fault_of text, add column accountable text;
