-- The transactions report (MISSION.md M12, TransactionReport): every query is by site and a created-at range,
-- ordered by (created_at, id) for the keyset export; the offering filter goes through the order.
-- Plain b-tree indexes, valid on H2 2.x and PostgreSQL 15.
create index ix_transaction_site_created on payment_transaction (site_id, created_at, id);
create index ix_order_offering on purchase_order (offering_id);
