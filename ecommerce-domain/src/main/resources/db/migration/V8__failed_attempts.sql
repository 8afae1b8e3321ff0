-- Failed attempts that are throttled (issue 5 "Security"): promotion codes that do not exist and failed sign-ins.
-- One row per subject of a failed attempt (an attempt by API key K for e-mail E is two rows), so that counting
-- the failures of one subject in a window is one index range. The typed text is kept for the administrator's view
-- of promotion-code guesses (never a password: sign-in rows keep no detail).
create table failed_attempt (
    id           bigint       not null primary key,
    kind         varchar(16)  not null,
    site_id      bigint       references site (id),
    subject_kind varchar(16)  not null,
    subject      varchar(320) not null,
    attempt      varchar(64),
    attempted_at timestamp(6) with time zone not null
);
create index ix_failed_attempt_subject on failed_attempt (kind, subject_kind, subject, attempted_at);
create index ix_failed_attempt_site_time on failed_attempt (site_id, attempted_at);
