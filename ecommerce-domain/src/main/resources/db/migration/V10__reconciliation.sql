-- The reconciler (issue 5 "Payments never lost, never doubled"; DESIGN.md "The payment lifecycle" step 5 and
-- "Scaling out"). Valid on H2 2.x and PostgreSQL 15.
--
-- The reconciler's state of an open transaction (PENDING, UNKNOWN, HELD) lives on the transaction's row, so that any
-- instance takes rows with one single-table SELECT ... FOR UPDATE SKIP LOCKED (Reconciler.TAKE_SQL):
--   reconcile_due_at      when the reconciler may look again (back-off); null: not looked at yet (then a PENDING row
--                         is due once it is older than the grace period, UNKNOWN and HELD rows at once)
--   reconcile_lease_until the claim of the instance reconciling it now; a claim of a dead instance expires
--   reconcile_owner       that instance (host, process, start)
--   reconcile_attempts    how many times the reconciler looked at it
--   reconcile_tried_at    the last time it did
--   reconcile_reason      why it is still unresolved, in English (the view shows it)
-- and, once an inquiry settled it (during the payment, by the reconciler or on the held-payments page):
--   settled_by            PAYMENT (the payment's own flow), RECONCILER, ADMINISTRATOR
--   settled_at            when
alter table payment_transaction add column reconcile_due_at timestamp(6) with time zone;
alter table payment_transaction add column reconcile_lease_until timestamp(6) with time zone;
alter table payment_transaction add column reconcile_owner varchar(64);
alter table payment_transaction add column reconcile_attempts integer default 0 not null;
alter table payment_transaction add column reconcile_tried_at timestamp(6) with time zone;
alter table payment_transaction add column reconcile_reason varchar(500);
alter table payment_transaction add column settled_by varchar(16);
alter table payment_transaction add column settled_at timestamp(6) with time zone;

-- The reconciliation view's list of settled transactions: one site, newest settlement first.
create index ix_transaction_site_settled on payment_transaction (site_id, settled_at);

-- Disagreements between what a provider said and our record: a DUPLICATE=1 answer that does not match the attempt,
-- an inquiry whose amount, currency or reference differs from ours, or that contradicts a status we had recorded as
-- final. One row per transaction and kind (a retried inquiry that disagrees again adds nothing); the administrator
-- acknowledges it.
create table reconciliation_alert (
    id              bigint        not null primary key,
    site_id         bigint        not null references site (id),
    transaction_id  bigint        not null references payment_transaction (id),
    public_id       varchar(36)   not null,
    kind            varchar(32)   not null,
    ours            varchar(200),
    theirs          varchar(200),
    detail          varchar(500),
    created_at      timestamp(6) with time zone not null,
    acknowledged_at timestamp(6) with time zone,
    acknowledged_by varchar(254),
    constraint uq_alert_public unique (public_id),
    constraint uq_alert_transaction_kind unique (transaction_id, kind)
);
create index ix_alert_site_created on reconciliation_alert (site_id, created_at);
