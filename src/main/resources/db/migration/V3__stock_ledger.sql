-- The stock ledger: append-only moves, and the balances and values they add up to.
-- Valuation is a moving average per SKU and location (docs/adr/0006-stock-valuation.md): every balance row
-- carries the value of what it holds, moves carry the value they took along.

create table stock_move (
    id                bigint generated always as identity primary key,
    idempotency_key   text        not null unique,
    sku               text        not null references product (sku),
    serial            text,
    lot               text,
    quantity          integer     not null check (quantity > 0),
    -- null: outside the books on that side (a supplier delivery, a count adjustment).
    from_location_id  bigint references location (id),
    to_location_id    bigint references location (id),
    reason            text        not null check (reason in (
                          'PURCHASE_RECEIPT', 'OPENING_BALANCE', 'SALE_SHIPMENT', 'RETURN_RECEIPT', 'QUARANTINE',
                          'RESTOCK', 'REFURBISH', 'REFURBISHED', 'VENDOR_RETURN', 'VENDOR_SHIPMENT', 'LIQUIDATE',
                          'SCRAP', 'BLOCK', 'RELEASE', 'REPLACEMENT_SHIPMENT', 'TRANSFER', 'COUNT_ADJUSTMENT')),
    reference_type    text        not null check (reference_type in (
                          'ORDER', 'RETURN', 'COUNT', 'ADJUSTMENT', 'PURCHASE', 'TRANSFER')),
    reference_id      text        not null,
    -- The line of the referenced order or return, where the move is for one.
    reference_line    integer,
    -- The value that left the source (or, from outside the books, arrived), and the part of it written down
    -- on the way (a liquidation at net realisable value); the destination receives value - write-down.
    value_minor       bigint      not null check (value_minor >= 0),
    write_down_minor  bigint      not null default 0 check (write_down_minor >= 0 and write_down_minor <= value_minor),
    currency          char(3)     not null,
    moved_by          text        not null,
    moved_at          timestamptz not null,
    check (from_location_id is not null or to_location_id is not null),
    check (from_location_id is distinct from to_location_id),
    check (serial is null or quantity = 1)
);
-- By SKU, and when stock last arrived in a place (reconciliation: how long has it waited in returns?).
create index stock_move_by_sku_arrival on stock_move (sku, to_location_id, moved_at);
create index stock_move_by_reference on stock_move (reference_type, reference_id);

create trigger stock_move_append_only
    before update or delete on stock_move
    for each row execute function forbid_change();

-- What each location holds now, maintained in the same transaction as the moves. Never negative.
create table stock_balance (
    sku          text    not null references product (sku),
    location_id  bigint  not null references location (id),
    quantity     integer not null check (quantity >= 0),
    value_minor  bigint  not null check (value_minor >= 0),
    primary key (sku, location_id)
);
create index stock_balance_by_location on stock_balance (location_id);

-- Where each serialized unit is: exactly one place, or off the books (null) once it left them.
create table serial_unit (
    sku           text   not null references product (sku),
    serial        text   not null,
    location_id   bigint references location (id),
    last_move_id  bigint not null references stock_move (id),
    primary key (sku, serial)
);
