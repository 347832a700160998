-- Continuous reconciliation: what the outside world reports (physical counts, channel stock), the runs that
-- compare it and the ledgers, and the breaks they find.

create table stock_count (
    id              bigint generated always as identity primary key,
    warehouse_code  text        not null references warehouse (code),
    location_type   text        not null,
    counted_at      timestamptz not null,
    counted_by      text        not null,
    received_at     timestamptz not null
);

create table stock_count_line (
    count_id  bigint  not null references stock_count (id),
    sku       text    not null references product (sku),
    serial    text,
    quantity  integer not null check (quantity >= 0)
);
create index stock_count_line_by_count on stock_count_line (count_id);

create table channel_stock_report (
    id           bigint generated always as identity primary key,
    channel      text        not null references sales_channel (code),
    reported_at  timestamptz not null,
    received_by  text        not null,
    received_at  timestamptz not null
);

create table channel_stock_line (
    report_id  bigint  not null references channel_stock_report (id),
    sku        text    not null references product (sku),
    quantity   integer not null check (quantity >= 0),
    primary key (report_id, sku)
);

create table reconciliation_run (
    id           bigint generated always as identity primary key,
    started_at   timestamptz not null,
    finished_at  timestamptz,
    started_by   text        not null,
    breaks_found integer,
    new_breaks   integer
);

-- A break stays one row while it persists across runs (same fingerprint); its resolution is recorded on it.
create table reconciliation_break (
    id                  bigint generated always as identity primary key,
    check_type          text        not null check (check_type in (
                            'BALANCE_VS_MOVES', 'NEGATIVE_BALANCE', 'VALUE_VS_ACCOUNT', 'RECEIPT_MOVE_MISSING',
                            'DISPOSITION_MOVE_MISSING', 'OVERDUE_IN_RETURNS', 'REFUND_LEAKAGE',
                            'REFUNDS_PAYABLE_MISMATCH', 'COUNT_VARIANCE', 'PHANTOM_INVENTORY')),
    fingerprint         text        not null,
    sku                 text,
    warehouse_code      text,
    location_type       text,
    account_code        text,
    reference           text,
    expected            bigint      not null,
    actual              bigint      not null,
    difference          bigint      not null,
    explanation         text        not null,
    status              text        not null check (status in ('OPEN', 'ADJUSTED', 'ACCEPTED', 'CLEARED')),
    first_run_id        bigint      not null references reconciliation_run (id),
    last_run_id         bigint      not null references reconciliation_run (id),
    opened_at           timestamptz not null,
    resolved_at         timestamptz,
    resolved_by         text,
    resolution_comment  text,
    adjustment_move_id  bigint references stock_move (id)
);
create unique index reconciliation_break_open_once on reconciliation_break (fingerprint) where status = 'OPEN';
create index reconciliation_break_by_status on reconciliation_break (status);
