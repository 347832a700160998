-- Transfers of sellable stock between warehouses (docs/specification/accounting.md, "Transfers"): out of the source's
-- SELLABLE into the destination's IN_TRANSIT location, and on arrival into the destination's SELLABLE. Stock in
-- transit is on the books (account 1340) but not available to sell.

alter table location drop constraint location_type_check;
alter table location add constraint location_type_check check (type in (
    'SELLABLE', 'RETURNS_RECEIVING', 'QUARANTINE', 'REFURBISHMENT', 'VENDOR_RETURN', 'LIQUIDATION', 'BLOCKED',
    'SCRAPPED', 'CUSTOMER', 'IN_TRANSIT'));
-- Every warehouse has one location of each type, the new one too.
insert into location (warehouse_code, type) select code, 'IN_TRANSIT' from warehouse
on conflict (warehouse_code, type) do nothing;

insert into account (code, name, type) values ('1340', 'Inventory - in transit', 'ASSET');

create table stock_transfer (
    -- The sender's id of the transfer: sending it again moves nothing twice.
    transfer_id     text        primary key,
    from_warehouse  text        not null,
    to_warehouse    text        not null check (to_warehouse <> from_warehouse),
    shipped_at      timestamptz not null,
    shipped_by      text        not null,
    recorded_at     timestamptz not null,
    -- Set once, when the destination receives the whole transfer.
    received_at     timestamptz,
    received_by     text,
    check ((received_at is null) = (received_by is null))
);
-- Reconciliation looks for transfers in transit too long.
create index stock_transfer_in_transit on stock_transfer (shipped_at) where received_at is null;

create table stock_transfer_line (
    transfer_id  text    not null references stock_transfer (transfer_id),
    position     integer not null check (position > 0),
    sku          text    not null,
    quantity     integer not null check (quantity > 0),
    serials      text[]  not null default '{}',
    primary key (transfer_id, position),
    check (cardinality(serials) = 0 or cardinality(serials) = quantity)
);

create trigger stock_transfer_line_append_only
    before update or delete on stock_transfer_line
    for each row execute function forbid_change();

alter table reconciliation_break drop constraint reconciliation_break_check_type_check;
alter table reconciliation_break add constraint reconciliation_break_check_type_check check (check_type in (
    'BALANCE_VS_MOVES', 'NEGATIVE_BALANCE', 'VALUE_VS_ACCOUNT', 'RECEIPT_MOVE_MISSING', 'DISPOSITION_MOVE_MISSING',
    'OVERDUE_IN_RETURNS', 'REFUND_LEAKAGE', 'REFUNDS_PAYABLE_MISMATCH', 'COUNT_VARIANCE', 'PHANTOM_INVENTORY',
    'SHIPPED_VS_SOLD', 'SHIPMENT_COGS_MISMATCH', 'TRANSFER_OVERDUE'));
