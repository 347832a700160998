-- Master data as the API maintains it: who last wrote each row and when, code formats the database guarantees,
-- and the sales channels every database starts with.

-- Master data is created and updated in place, so each row says who wrote it last and when. The application
-- always sets both; the defaults cover rows written by migrations or plain SQL.
alter table supplier
    add column updated_at timestamptz not null default now(),
    add column updated_by text        not null default 'system';
alter table product
    add column updated_by text        not null default 'system';
alter table warehouse
    add column updated_at timestamptz not null default now(),
    add column updated_by text        not null default 'system';
alter table sales_channel
    add column updated_at timestamptz not null default now(),
    add column updated_by text        not null default 'system';

-- Amounts are minor units of this currency (docs/adr/0004-money-in-minor-units.md), so it must be an ISO code.
alter table product
    add constraint product_currency_is_iso_code check (currency ~ '^[A-Z]{3}$');
alter table warehouse
    add constraint warehouse_country_is_iso_code check (country ~ '^[A-Z]{2}$');

-- Order ingestion accepts orders of these channels only; more are added with POST /api/channels.
insert into sales_channel (code, name, created_at, updated_at, updated_by) values
    ('WEB', 'Web store', now(), now(), 'system'),
    ('MARKETPLACE_A', 'Marketplace A', now(), now(), 'system'),
    ('MARKETPLACE_B', 'Marketplace B', now(), now(), 'system')
on conflict (code) do nothing;
