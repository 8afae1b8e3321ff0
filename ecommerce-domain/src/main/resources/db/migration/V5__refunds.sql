-- Refunds, voids and held payments (issue 4). Valid on H2 2.x and PostgreSQL 15.
-- The order's refunded total (purchase_order.refunded_amount) and a credit's or void's original
-- (payment_transaction.original_id) exist since V1; this adds what the last inquiry on a held payment
-- reported (Payflow ORIGRESULT and TRANSSTATE, PFP-2009 Appendix D), and an index for the held-payments
-- page, which lists one site's transactions of one status, oldest first, a page at a time.
alter table payment_transaction add column inquiry_result varchar(16);
alter table payment_transaction add column inquiry_state integer;
alter table payment_transaction add column inquiry_message varchar(500);
alter table payment_transaction add column inquired_at timestamp(6) with time zone;
create index ix_transaction_site_status on payment_transaction (site_id, status, created_at);
