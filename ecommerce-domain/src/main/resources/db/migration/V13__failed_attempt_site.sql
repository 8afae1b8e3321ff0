-- Failed attempts are counted per site (issue 5, fresh-user trial: ten bad codes for one e-mail on one site made
-- another site refuse that e-mail's valid code). The throttle's lookup now filters by site (null for sign-ins,
-- which have no site), so the subject index leads with the site.
drop index ix_failed_attempt_subject;
create index ix_failed_attempt_site_subject on failed_attempt (site_id, kind, subject_kind, subject, attempted_at);
