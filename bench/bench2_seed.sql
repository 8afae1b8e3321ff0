-- Benchmark 2 seed: ~900,000 extra codes for the demo site (site id :site), inserted directly with SQL, so that
-- with the 100,000 codes of benchmark 1 the table holds ~1,000,000 rows. Codes are 12 upper-case hex characters
-- (md5-derived, unique; a different length from the 10-character API codes, so no clash), spread over 365 days,
-- in batches of 1,000 rows per batch_id, ids from ec_id_seq.
\timing on
insert into promotion_code (id, site_id, code, service, code_type, discount_type, discount_amount,
    discount_currency, discount_percent, usage_type, usage_limit, used_count, reserved_count, expires_on,
    applies_to, deleted, deleted_at, batch_id, created_at, version)
select nextval('ec_id_seq'), :site, upper(substr(md5('bench' || i), 1, 12)), 'TRAINING', 'GENERATED', 'PERCENT',
    null, null, 15, 'ONCE', 1, 0, 0, date '2027-12-31', 'ALL', false, null,
    substr(md5('batch' || (i / 1000)), 1, 8) || '-bench-' || (i / 1000),
    now() - ((i % 365) * interval '1 day') - ((i::bigint * 7919 % 86400) * interval '1 second'), 1
from generate_series(1, :n) i
on conflict do nothing;
analyze promotion_code;
select count(*) as total_rows from promotion_code;
