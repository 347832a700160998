-- Goods received from suppliers (docs/specification/http-api.md, POST /api/purchase-receipts): which units of which
-- purchase order arrived at which warehouse when, at what cost. Each line is also a PURCHASE_RECEIPT move of the stock
-- ledger into SELLABLE, posted Dr inventory / Cr goods received not invoiced.

create table purchase_receipt (
    -- The warehouse's id of the receipt: sending it again books nothing twice.
    receipt_id         text        primary key,
    purchase_order_id  text        not null,
    warehouse          text        not null,
    received_at        timestamptz not null,
    recorded_by        text        not null,
    recorded_at        timestamptz not null
);
create index purchase_receipt_by_order on purchase_receipt (purchase_order_id);

create table purchase_receipt_line (
    receipt_id       text    not null references purchase_receipt (receipt_id),
    position         integer not null check (position > 0),
    sku              text    not null,
    quantity         integer not null check (quantity > 0),
    unit_cost_minor  bigint  not null check (unit_cost_minor >= 0),
    currency         char(3) not null,
    serials          text[]  not null default '{}',
    primary key (receipt_id, position),
    check (cardinality(serials) = 0 or cardinality(serials) = quantity)
);

create trigger purchase_receipt_append_only
    before update or delete on purchase_receipt
    for each row execute function forbid_change();
create trigger purchase_receipt_line_append_only
    before update or delete on purchase_receipt_line
    for each row execute function forbid_change();
