-- The audit chain is keyed from now on: hash = HMAC-SHA256(analytics.audit.chain-key, previousHash ‖
-- canonical bytes), with a key that is not in the database, so that a database writer can no longer
-- rewrite an event together with a chain that holds. Cases archived before keep their plain SHA-256
-- chain (keyed = false), go on with it, and are shown as such by GET /audit/complaints/{id}/events
-- until the next rebuild (POST /admin/rebuild), which archives every case anew, keyed.
alter table audit_heads add column keyed boolean not null default false;
