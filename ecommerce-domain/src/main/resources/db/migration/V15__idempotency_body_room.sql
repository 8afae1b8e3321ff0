-- The stored answer of a money-moving write holds the order with every transaction it has (API.md "Orders"): an
-- order with some thirty declined attempts outgrew varchar(8000), the answer could not be stored, and the attempt
-- was answered 500 although it had been sent (FuzzIT, seed 2119233277540367623). One million characters hold about
-- 2,500 attempts; the same width as the mail outbox's bodies (V2).
alter table idempotency_record alter column response_body set data type varchar(1000000);
