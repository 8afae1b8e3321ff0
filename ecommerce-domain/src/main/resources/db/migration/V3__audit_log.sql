-- Who changed what and when (issue 3: extension and deletion of promotion codes; later every configuration change).
-- Secrets are never written here.
create table audit_log (
    id         bigint        not null primary key,
    site_id    bigint        not null references site (id),
    actor      varchar(254)  not null,
    action     varchar(64)   not null,
    detail     varchar(20000) not null,
    created_at timestamp(6) with time zone not null
);
create index ix_audit_site_time on audit_log (site_id, created_at);
