-- Payments that send the attendee to PayPal's pages (issue 4): the Express Checkout token of the attempt
-- (classic NVP or Payflow TENDER=P, "EC-" + 17 characters), the PayerID PayPal returned once the buyer approved
-- (set just before DoExpressCheckoutPayment is sent), and the SECURETOKENID of a hosted-page attempt
-- (paypal-protocols.md §1.7, up to 36 characters). Each token belongs to one attempt only.
-- Valid on H2 2.x and PostgreSQL 15 (unique indexes allow any number of NULLs on both).
alter table payment_transaction add column checkout_token varchar(64);
alter table payment_transaction add column payer_id varchar(32);
alter table payment_transaction add column secure_token_id varchar(36);
create unique index ux_transaction_checkout_token on payment_transaction (checkout_token);
create unique index ux_transaction_secure_token on payment_transaction (secure_token_id);
