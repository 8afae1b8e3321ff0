-- Core schema of the commerce module. Valid on H2 2.2 and PostgreSQL 15: no vendor types, no partial
-- indexes, no IDENTITY columns (stack-notes trap 5: EclipseLink uses the sequence below, allocationSize 50).
create sequence ec_id_seq start with 50 increment by 50;

create table site (
    id              bigint       not null primary key,
    slug            varchar(64)  not null,
    name            varchar(200) not null,
    time_zone       varchar(64)  not null,
    created_at      timestamp(6) with time zone not null,
    constraint uq_site_slug unique (slug)
);

-- One commerce configuration per site, shared by every enabled service (MISSION.md M1).
create table commerce_configuration (
    id                      bigint       not null primary key,
    site_id                 bigint       not null references site (id),
    events_enabled          boolean      not null,
    training_enabled        boolean      not null,
    operating_mode          varchar(16),
    merchant_name           varchar(200),
    support_info            varchar(200),
    page_header             varchar(2000),
    page_footer             varchar(2000),
    provider_type           varchar(40),
    account_type            varchar(40),
    accepted_cards          varchar(200),
    express_checkout        boolean      not null,
    paypal_email            varchar(254),
    currency                char(3)      not null,
    promotion_codes_enabled boolean      not null,
    version                 bigint       not null,
    updated_at              timestamp(6) with time zone not null,
    constraint uq_configuration_site unique (site_id)
);

-- A Test and a Production set per configuration (DESIGN.md "Credentials and modes").
-- password_enc is AES-GCM ciphertext (base64 of iv || ciphertext+tag); the plain password is never stored.
create table provider_credentials (
    id               bigint       not null primary key,
    configuration_id bigint       not null references commerce_configuration (id),
    operating_mode   varchar(16)  not null,
    partner_id       varchar(64),
    vendor           varchar(64),
    user_name        varchar(64),
    password_enc     varchar(512),
    constraint uq_credentials_mode unique (configuration_id, operating_mode)
);

create table account (
    id            bigint       not null primary key,
    site_id       bigint       not null references site (id),
    email         varchar(254) not null,
    email_key     varchar(254) not null,
    display_name  varchar(200) not null,
    password_hash varchar(512),
    created_at    timestamp(6) with time zone not null,
    constraint uq_account_email unique (site_id, email_key)
);

create table account_role (
    account_id bigint      not null references account (id),
    role       varchar(32) not null,
    constraint pk_account_role primary key (account_id, role)
);

-- Platform API keys, stored as SHA-256 hex of the key (API.md "Authentication").
create table api_key (
    id         bigint      not null primary key,
    site_id    bigint      not null references site (id),
    key_hash   char(64)    not null,
    label      varchar(100) not null,
    created_at timestamp(6) with time zone not null,
    constraint uq_api_key_hash unique (key_hash)
);

create table offering (
    id             bigint        not null primary key,
    site_id        bigint        not null references site (id),
    external_id    varchar(64)   not null,
    title          varchar(300)  not null,
    service        varchar(16)   not null,
    offering_type  varchar(32)   not null,
    host_id        bigint        not null references account (id),
    starts_at      timestamp(6) with time zone,
    fee_amount     numeric(19, 4),
    fee_currency   char(3),
    version        bigint        not null,
    updated_at     timestamp(6) with time zone not null,
    constraint uq_offering_external unique (site_id, external_id)
);

create table purchase_order (
    id               bigint        not null primary key,
    site_id          bigint        not null references site (id),
    public_id        varchar(36)   not null,
    offering_id      bigint        not null references offering (id),
    attendee_id      bigint        not null references account (id),
    status           varchar(24)   not null,
    currency         char(3)       not null,
    list_amount      numeric(19, 4) not null,
    discount_amount  numeric(19, 4) not null,
    total_amount     numeric(19, 4) not null,
    refunded_amount  numeric(19, 4) not null,
    promotion_code   varchar(32),
    -- site/attendee/offering while the order is open or paid, null otherwise: at most one such order
    -- per attendee and offering (a unique index that ignores nulls, portable to H2 and PostgreSQL).
    open_key         varchar(80),
    created_at       timestamp(6) with time zone not null,
    paid_at          timestamp(6) with time zone,
    version          bigint        not null,
    constraint uq_order_public unique (public_id),
    constraint uq_order_open unique (open_key)
);
create index ix_order_attendee on purchase_order (site_id, attendee_id);

create table payment_transaction (
    id                 bigint        not null primary key,
    site_id            bigint        not null references site (id),
    order_id           bigint        not null references purchase_order (id),
    public_id          varchar(36)   not null,
    kind               varchar(16)   not null,
    status             varchar(16)   not null,
    amount             numeric(19, 4) not null,
    currency           char(3)       not null,
    operating_mode     varchar(16)   not null,
    provider_type      varchar(40)   not null,
    request_id         varchar(32)   not null,
    cust_ref           varchar(12)   not null,
    reference          varchar(64),
    original_id        bigint references payment_transaction (id),
    result_code        varchar(16),
    message            varchar(500),
    auth_code          varchar(32),
    card_brand         varchar(16),
    card_last4         varchar(4),
    duplicate_answer   boolean       not null,
    send_count         integer       not null,
    created_at         timestamp(6) with time zone not null,
    updated_at         timestamp(6) with time zone not null,
    constraint uq_transaction_public unique (public_id),
    constraint uq_transaction_request unique (request_id)
);
create index ix_transaction_order on payment_transaction (order_id);
create index ix_transaction_status on payment_transaction (status);

create table entitlement (
    id          bigint       not null primary key,
    site_id     bigint       not null references site (id),
    attendee_id bigint       not null references account (id),
    offering_id bigint       not null references offering (id),
    order_id    bigint       not null references purchase_order (id),
    granted_at  timestamp(6) with time zone not null,
    revoked_at  timestamp(6) with time zone,
    constraint uq_entitlement unique (site_id, attendee_id, offering_id)
);

-- Idempotency-Key records for writes that move money (API.md "Conventions"): a hash of the body, never card data.
create table idempotency_record (
    id              bigint       not null primary key,
    site_id         bigint       not null references site (id),
    idem_key        varchar(64)  not null,
    scope           varchar(100) not null,
    request_hash    char(64)     not null,
    response_status integer,
    response_body   varchar(8000),
    created_at      timestamp(6) with time zone not null,
    constraint uq_idempotency unique (site_id, idem_key)
);
