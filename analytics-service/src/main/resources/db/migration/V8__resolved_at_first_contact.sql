-- A complaint resolved during the first contact (即时处理: ComplaintRegistered.resolvedAtFirstContact, schema v2):
-- registered without a work order, its customer reached and answered at registration. Kept per case for the
-- KPI firstContactResolutionRate (Kpis.DEFINITION), written by the projection like every other column, so a
-- rebuild sets it again from the log. A case registered with a v1 event cannot have been resolved so, so false is
-- exact for it; the update sets the flag of any case already projected from a v2 registration that carries one.
alter table cases add column resolved_at_first_contact boolean not null default false;
update cases set resolved_at_first_contact = true
 where state like '%"resolvedAtFirstContact":{%'
   and jsonb_typeof(state::jsonb #> '{registration,resolvedAtFirstContact}') = 'object';
