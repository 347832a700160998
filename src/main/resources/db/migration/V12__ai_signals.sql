-- Facts the AI assistance needs (docs/ai.md): the return-risk score of each return, the weights that show an empty
-- or underweight parcel, the contact details that link accounts, and the campaign an order came from.

-- The return-risk score (0-100) and its top signals in words, set once by the score-return-risk step before the
-- eligibility decision; null for returns requested before scoring existed.
alter table return_request
    add column risk_score      integer check (risk_score between 0 and 100),
    add column risk_signals    text[],
    add column risk_scored_at  timestamptz,
    add constraint return_request_risk_complete check ((risk_score is null) = (risk_scored_at is null));

-- Weights in grams, all optional: what one unit of a product weighs, and what the warehouse's scale said about a
-- parcel and about each of its lines.
alter table product
    add column unit_weight_grams integer check (unit_weight_grams > 0);
alter table parcel_receipt
    add column weight_grams integer check (weight_grams >= 0);
alter table parcel_receipt_line
    add column weight_grams integer check (weight_grams >= 0);

-- Contact details as the channel reported them; several accounts sharing one is a risk signal.
alter table customer
    add column phone text;
alter table sales_order
    add column shipping_address text,
    -- The marketing campaign the order came from, e.g. BLACK-FRIDAY-2026; campaigns drive return peaks.
    add column campaign_code text;
create index sales_order_by_customer on sales_order (customer_id);
create index sales_order_by_shipping_address on sales_order (lower(regexp_replace(shipping_address, '[^[:alnum:]]', '', 'g')))
    where shipping_address is not null;
create index customer_by_email_pattern on customer ((
    regexp_replace(regexp_replace(split_part(lower(email), '@', 1), '\+.*$', ''), '[.0-9_-]', '', 'g')
    || '@' || split_part(lower(email), '@', 2)));
create index customer_by_phone on customer (regexp_replace(phone, '[^0-9]', '', 'g')) where phone is not null;

-- Weekly volumes per warehouse and product category from before the returns ran here (imported history, and the
-- demo's two years), which the return-volume forecast reads together with the returns recorded since.
create table weekly_return_history (
    warehouse       text    not null,
    category        text    not null,
    week_start      date    not null check (extract(isodow from week_start) = 1),
    units_sold      integer not null check (units_sold >= 0),
    units_returned  integer not null check (units_returned >= 0),
    campaign_code   text,
    primary key (warehouse, category, week_start)
);

-- A product-quality alert: a return rate or a reason's share that rose significantly above its own history. Raised
-- once per scope, kind and week; each one opens an "Investigate product quality" task for the managers.
create table product_quality_alert (
    id             bigint generated always as identity primary key,
    scope          text        not null check (scope in ('SKU', 'CATEGORY', 'SUPPLIER')),
    scope_key      text        not null,
    kind           text        not null check (kind in ('RETURN_RATE', 'REASON_SHARE')),
    reason_code    text        not null default '',
    week_start     date        not null,
    evidence       text        not null,
    z_score        numeric(8, 2) not null,
    raised_at      timestamptz not null,
    -- What the manager who investigated found and did ("Investigate product quality", bpmn/product-quality.bpmn).
    conclusion       text,
    investigated_by  text,
    investigated_at  timestamptz,
    unique (scope, scope_key, kind, reason_code, week_start)
);
