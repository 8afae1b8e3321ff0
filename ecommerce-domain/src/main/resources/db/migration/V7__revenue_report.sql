-- The revenue report (MISSION.md M12, RevenueReport): orders remember the operating mode they were paid in, so
-- that Test-mode orders (zero totals paid without a provider call included) stay out of the report unless asked
-- for; and the report's order sums are by site and paid-at range.
-- Orders paid before this migration take the mode of their approved payment, else (a zero total) the site's
-- mode now, else Test. Plain SQL and a b-tree index, valid on H2 2.x and PostgreSQL 15.
alter table purchase_order add column paid_mode varchar(16);

update purchase_order set paid_mode = coalesce(
        (select max(t.operating_mode) from payment_transaction t
          where t.order_id = purchase_order.id and t.status = 'APPROVED'
            and t.kind in ('SALE', 'AUTHORIZATION', 'CAPTURE')),
        (select c.operating_mode from commerce_configuration c where c.site_id = purchase_order.site_id),
        'TEST')
 where paid_at is not null;

create index ix_order_site_paid on purchase_order (site_id, paid_at);
