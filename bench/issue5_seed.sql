-- Issue 5 benchmarks: entitlement data for GET /api/v1/entitlements on the demo site (site 1).
-- :attendees accounts (bench-N@example.com), :offerings offerings (bench-o-N, 20.00 USD recordings hosted by
-- host@demo.example), one paid order and one entitlement for every attendee and every other offering
-- (attendees x offerings / 2 entitlements); every tenth of them revoked (a refund). Ids start at 1,000,000,000,
-- far above what the application's sequence hands out in a benchmark.
\set ON_ERROR_STOP 1
begin;
insert into account (id, site_id, email, email_key, display_name, password_hash, created_at)
select 1000000000 + a, 1, 'bench-' || a || '@example.com', 'bench-' || a || '@example.com', 'Bench ' || a, null, now()
  from generate_series(1, :attendees) a;
insert into account_role (account_id, role) select 1000000000 + a, 'ATTENDEE' from generate_series(1, :attendees) a;
insert into offering (id, site_id, external_id, title, service, offering_type, host_id, starts_at, fee_amount,
                      fee_currency, version, updated_at)
select 1100000000 + o, 1, 'bench-o-' || o, 'Bench offering ' || o, 'EVENTS', 'RECORDING',
       (select id from account where site_id = 1 and email_key = 'host@demo.example'), null, 20.00, 'USD', 1, now()
  from generate_series(1, :offerings) o;
insert into purchase_order (id, site_id, public_id, offering_id, attendee_id, status, currency, list_amount,
                            discount_amount, total_amount, refunded_amount, promotion_code, open_key, created_at,
                            paid_at, version, paid_mode)
select 1200000000 + (a - 1) * :offerings + o, 1, md5('bench' || a || '/' || o)::uuid::text, 1100000000 + o,
       1000000000 + a, case when (a + o) % 20 = 0 then 'REFUNDED' else 'PAID' end, 'USD', 20.00, 0, 20.00,
       case when (a + o) % 20 = 0 then 20.00 else 0 end, null,
       case when (a + o) % 20 = 0 then null else '1/' || (1000000000 + a) || '/' || (1100000000 + o) end,
       now() - interval '1 day', now() - interval '1 day', 1, 'TEST'
  from generate_series(1, :attendees) a, generate_series(1, :offerings) o where (a + o) % 2 = 0;
insert into entitlement (id, site_id, attendee_id, offering_id, order_id, granted_at, revoked_at)
select 1300000000 + (a - 1) * :offerings + o, 1, 1000000000 + a, 1100000000 + o, 1200000000 + (a - 1) * :offerings + o,
       now() - interval '1 day', case when (a + o) % 20 = 0 then now() else null end
  from generate_series(1, :attendees) a, generate_series(1, :offerings) o where (a + o) % 2 = 0;
commit;
analyze;
