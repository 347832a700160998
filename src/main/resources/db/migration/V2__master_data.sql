-- Master data the ledgers refer to: suppliers, products, warehouses with their locations by type, channels.
-- Money in minor units (docs/adr/0004-money-in-minor-units.md); product cost and price in the catalogue currency.

create table supplier (
    code        text primary key,
    name        text        not null,
    email       text,
    created_at  timestamptz not null
);

create table product (
    sku                           text primary key,
    name                          text        not null,
    category                      text        not null,
    supplier_code                 text        not null references supplier (code),
    currency                      char(3)     not null,
    unit_cost_minor               bigint      not null check (unit_cost_minor >= 0),
    price_minor                   bigint      not null check (price_minor >= 0),
    serialized                    boolean     not null default false,
    final_sale                    boolean     not null default false,
    -- Unit price at or above which a return needs approval; null means the configured default (500.00).
    high_value_threshold_minor    bigint check (high_value_threshold_minor >= 0),
    created_at                    timestamptz not null,
    updated_at                    timestamptz not null
);
create index product_by_category on product (category);

create table warehouse (
    code        text primary key,
    name        text        not null,
    country     char(2)     not null,
    created_at  timestamptz not null
);

-- Every warehouse has one location of each type. SCRAPPED and CUSTOMER are virtual: stock moved there has left
-- the books, so they carry no balance.
create table location (
    id              bigint generated always as identity primary key,
    warehouse_code  text    not null references warehouse (code),
    type            text    not null check (type in (
                        'SELLABLE', 'RETURNS_RECEIVING', 'QUARANTINE', 'REFURBISHMENT', 'VENDOR_RETURN',
                        'LIQUIDATION', 'BLOCKED', 'SCRAPPED', 'CUSTOMER')),
    virtual         boolean not null generated always as (type in ('SCRAPPED', 'CUSTOMER')) stored,
    unique (warehouse_code, type)
);

create table sales_channel (
    code        text primary key,
    name        text        not null,
    created_at  timestamptz not null
);
