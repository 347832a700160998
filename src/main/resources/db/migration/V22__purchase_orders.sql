-- Purchase orders (docs/specification/accounting.md, "Purchase orders"; POST /api/purchase-orders): what was ordered
-- from which supplier for which warehouse, so that supplier receipts can be checked against it when they arrive and
-- reconciliation can report what was received against what was ordered (check 9).

create table purchase_order (
    -- The retailer's (or its ERP's) id of the order: sending it again records nothing twice.
    purchase_order_id  text        primary key,
    supplier           text        not null references supplier (code),
    warehouse          text        not null references warehouse (code),
    ordered_at         timestamptz not null,
    expected_at        timestamptz not null check (expected_at >= ordered_at),
    -- Unit costs of the lines are in minor units of this currency.
    currency           char(3)     not null,
    recorded_by        text        not null,
    recorded_at        timestamptz not null,
    -- Set once, when the outstanding quantity is closed (the supplier will not deliver the rest).
    closed_at          timestamptz,
    closed_by          text,
    close_reason       text,
    check ((closed_at is null) = (closed_by is null) and (closed_at is null) = (close_reason is null))
);
create index purchase_order_by_supplier on purchase_order (supplier);
-- Reconciliation looks for open orders past their expected delivery.
create index purchase_order_open_by_expected on purchase_order (expected_at) where closed_at is null;

create table purchase_order_line (
    purchase_order_id  text    not null references purchase_order (purchase_order_id),
    line_no            integer not null check (line_no > 0),
    sku                text    not null references product (sku),
    quantity           integer not null check (quantity > 0),
    unit_cost_minor    bigint  not null check (unit_cost_minor >= 0),
    primary key (purchase_order_id, line_no),
    -- Receipts name SKUs, not lines: one line per SKU keeps what a receipt line counts against unambiguous.
    unique (purchase_order_id, sku)
);

create trigger purchase_order_line_append_only
    before update or delete on purchase_order_line
    for each row execute function forbid_change();
-- An order is closed, never deleted.
create trigger purchase_order_no_delete
    before delete on purchase_order
    for each row execute function forbid_change();

alter table reconciliation_break drop constraint reconciliation_break_check_type_check;
alter table reconciliation_break add constraint reconciliation_break_check_type_check check (check_type in (
    'BALANCE_VS_MOVES', 'NEGATIVE_BALANCE', 'VALUE_VS_ACCOUNT', 'RECEIPT_MOVE_MISSING', 'DISPOSITION_MOVE_MISSING',
    'OVERDUE_IN_RETURNS', 'REFUND_LEAKAGE', 'REFUNDS_PAYABLE_MISMATCH', 'COUNT_VARIANCE', 'PHANTOM_INVENTORY',
    'SHIPPED_VS_SOLD', 'SHIPMENT_COGS_MISMATCH', 'TRANSFER_OVERDUE', 'RECEIVED_VS_ORDERED'));
