-- An Idempotency-Key sent over REST belongs to the submitter that sent it (its token's subject): the
-- same key from two submitters names two complaints. Such a key is stored as 'key:<key> by <subject>'
-- (a key has no spaces, so it ends at the first one); a key of the submissions topic stays 'key:<key>'
-- and external references stay 'ref:system/id', whoever sends them.
--
-- A REST key claimed before this migration takes the actor its complaint was registered with (the
-- X-Submitted-By header of those days, or the channel): a submitter whose token names that actor still
-- gets its first answer on a retry. A key of the topic is told apart by the record claim ('sub:...')
-- registered with the same complaint (a topic registration older than those claims is taken for a REST
-- one: its key becomes its publisher's).
update idempotency_keys k
   set key = k.key || ' by ' || coalesce(c.registration::jsonb ->> 'actor', 'unknown')
  from complaints c
 where c.complaint_id = k.complaint_id
   and k.key like 'key:%'
   and not exists (select 1 from idempotency_keys s where s.complaint_id = k.complaint_id and s.key like 'sub:%');
