-- Promotion codes (MISSION.md M8, M9), their redemptions, and the mail outbox. Valid on H2 and PostgreSQL.

-- A code string is never reused within a site, not even after deletion: rows are never deleted (the
-- deleted flag marks them) and (site_id, code) is unique.
create table promotion_code (
    id                bigint        not null primary key,
    site_id           bigint        not null references site (id),
    code              varchar(32)   not null,
    service           varchar(16)   not null,
    code_type         varchar(16)   not null,
    discount_type     varchar(16)   not null,
    discount_amount   numeric(19, 4),
    discount_currency char(3),
    discount_percent  numeric(7, 4),
    usage_type        varchar(16)   not null,
    usage_limit       integer,
    used_count        integer       not null,
    reserved_count    integer       not null,
    expires_on        date          not null,
    applies_to        varchar(32)   not null,
    deleted           boolean       not null,
    deleted_at        timestamp(6) with time zone,
    batch_id          varchar(36)   not null,
    created_at        timestamp(6) with time zone not null,
    version           bigint        not null,
    constraint uq_promotion_code unique (site_id, code),
    constraint ck_promotion_usage check (usage_limit is null or usage_limit >= 1),
    constraint ck_promotion_counts check (used_count >= 0 and reserved_count >= 0
        and (usage_limit is null or used_count + reserved_count <= usage_limit))
);
create index ix_promotion_created on promotion_code (site_id, created_at);
create index ix_promotion_batch on promotion_code (batch_id);

create table promotion_code_recipient (
    id        bigint       not null primary key,
    code_id   bigint       not null references promotion_code (id),
    email     varchar(254) not null,
    email_key varchar(254) not null,
    name      varchar(200) not null
);
create index ix_recipient_code on promotion_code_recipient (code_id);
create index ix_recipient_email on promotion_code_recipient (email_key);

-- One use of a code by one order: RESERVED -> CONFIRMED -> RELEASED, or RESERVED -> RELEASED. Kept as history.
create table redemption (
    id          bigint      not null primary key,
    site_id     bigint      not null references site (id),
    code_id     bigint      not null references promotion_code (id),
    order_id    bigint      not null references purchase_order (id),
    status      varchar(16) not null,
    created_at  timestamp(6) with time zone not null,
    updated_at  timestamp(6) with time zone not null
);
create index ix_redemption_order on redemption (order_id);
create index ix_redemption_code on redemption (code_id);

-- Outgoing mail (org.eventcommerce.domain.mail), sent in the background with retries: any instance takes due
-- PENDING rows with SELECT ... FOR UPDATE SKIP LOCKED (H2 2.2 and PostgreSQL both support it). HELD = Test mode
-- without a redirect address: kept for the outbox view, never sent. The subject holds the rendered template
-- (at most 300 characters before the variables are filled) plus, in Test mode, "[Test -> original address] ";
-- the bodies hold rendered templates (text at most 10,000, HTML 20,000 characters before the variables are
-- filled); 1,000,000 is H2's largest VARCHAR. last_error never holds the message body.
create table mail_outbox (
    id              bigint          not null primary key,
    site_id         bigint          not null references site (id),
    batch_id        varchar(36),
    recipient       varchar(254)    not null,
    subject         varchar(1000)   not null,
    text_body       varchar(1000000) not null,
    html_body       varchar(1000000) not null,
    status          varchar(16)     not null,
    operating_mode  varchar(16)     not null,
    attempts        integer         not null,
    next_attempt_at timestamp(6) with time zone not null,
    last_error      varchar(500),
    created_at      timestamp(6) with time zone not null,
    sent_at         timestamp(6) with time zone,
    constraint ck_outbox_status check (status in ('PENDING', 'SENT', 'FAILED', 'HELD')),
    constraint ck_outbox_mode check (operating_mode in ('TEST', 'PRODUCTION')),
    constraint ck_outbox_attempts check (attempts >= 0)
);
create index ix_outbox_due on mail_outbox (status, next_attempt_at);
create index ix_outbox_site on mail_outbox (site_id, status);
create index ix_outbox_batch on mail_outbox (batch_id, status);

alter table commerce_configuration add column mail_subject varchar(300);
alter table commerce_configuration add column mail_text varchar(10000);
alter table commerce_configuration add column mail_html varchar(20000);
alter table commerce_configuration add column test_mail_redirect varchar(254);
