-- Field-level changes of an audit entry (issue 5 "Security": every change of the e-commerce configuration with who,
-- when, and each changed field's old and new value). One row per changed field, in the order of the entry; a null
-- value means "no value". Secrets are never written: a password change is recorded as "(changed)". The largest
-- value is a promotion-code mail HTML template (20,000 characters); 1,000,000 is H2's largest VARCHAR.
create table audit_change (
    id        bigint           not null primary key,
    entry_id  bigint           not null references audit_log (id),
    seq       integer          not null,
    field     varchar(128)     not null,
    old_value varchar(1000000),
    new_value varchar(1000000)
);
create index ix_audit_change_entry on audit_change (entry_id, seq);
-- The administrator's audit-log page filters by action, newest first.
create index ix_audit_site_action_time on audit_log (site_id, action, created_at);
