-- Issue 5 (BENCHMARKS.md, A1): each instance may answer GET /api/v1/entitlements from an in-memory snapshot of a
-- site's active entitlements (EntitlementSnapshots). Every grant and revocation takes the next number of its site's
-- counter (site.entitlement_version, a row lock held until commit, so numbers become visible in commit order) and
-- writes it on the entitlement row. A check reads the counter in the same statement as the API key; a snapshot
-- older than the counter catches up by reading the rows numbered above it, so a refund's revocation is seen by the
-- very next check on every instance. Rows written before this migration keep a null number: they are read by the
-- snapshot's full load only.
alter table site add column entitlement_version bigint default 0 not null;
alter table entitlement add column change_version bigint;
create index ix_entitlement_change on entitlement (site_id, change_version);
