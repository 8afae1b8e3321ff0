-- The attempt an Idempotency-Key's request recorded before its provider call (issue 5, crash recovery): a repeat of
-- a key whose request died answers from that transaction's settled outcome. No foreign key: a claim outlives nothing.
alter table idempotency_record add column transaction_id bigint;
