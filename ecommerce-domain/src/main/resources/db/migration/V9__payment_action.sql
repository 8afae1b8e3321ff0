-- The site's payment action (issue "authorize now, capture later"): SALE takes the money when the attendee pays
-- (what every site did so far, hence the default), AUTHORIZATION holds it until the organizer captures it.
-- Orders gain the status AUTHORIZED (purchase_order.status is varchar(24), no constraint to change).
-- Valid on H2 2.x and PostgreSQL 15.
alter table commerce_configuration add column payment_action varchar(16) default 'SALE' not null;
