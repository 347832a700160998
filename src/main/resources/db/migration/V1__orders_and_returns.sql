-- Orders as the channels report them, and the returns raised against their lines.
-- Money is stored in minor units of the order's currency (see docs/adr/0004-money-in-minor-units.md).

create table customer (
    id          text primary key,
    email       text        not null,
    tier        text        not null check (tier in ('STANDARD', 'VIP', 'BLOCKED')),
    updated_at  timestamptz not null
);

create table sales_order (
    id            bigint generated always as identity primary key,
    channel       text        not null,
    order_number  text        not null,
    customer_id   text        not null references customer (id),
    placed_at     timestamptz not null,
    delivered_at  timestamptz,
    currency      char(3)     not null,
    warehouse     text        not null,
    ingested_at   timestamptz not null,
    ingested_by   text        not null,
    unique (channel, order_number)
);
create index sales_order_by_number on sales_order (order_number);

create table sales_order_line (
    order_id          bigint   not null references sales_order (id),
    line_no           integer  not null check (line_no > 0),
    sku               text     not null,
    quantity          integer  not null check (quantity > 0),
    unit_price_minor  bigint   not null check (unit_price_minor >= 0),
    serials           text[]   not null default '{}',
    primary key (order_id, line_no)
);

create sequence rma_number_seq;

create table return_request (
    id                   uuid primary key,
    rma_number           text        not null unique,
    order_id             bigint      not null references sales_order (id),
    status               text        not null check (status in (
                             'REQUESTED', 'PENDING_REVIEW', 'AUTHORIZED', 'REJECTED', 'IN_TRANSIT', 'RECEIVED',
                             'INSPECTED', 'AWAITING_APPROVAL', 'RESOLVED', 'CLOSED', 'EXPIRED', 'DISPUTED',
                             'CANCELLED')),
    customer_message     text,
    requested_by         text        not null,
    requested_at         timestamptz not null,
    status_changed_at    timestamptz not null
);
create index return_request_by_order on return_request (order_id);

create table return_line (
    return_id           uuid    not null references return_request (id),
    line_no             integer not null,
    quantity            integer not null check (quantity > 0),
    reason_code         text check (reason_code in (
                            'SIZE_TOO_SMALL', 'SIZE_TOO_LARGE', 'CHANGED_MIND', 'DAMAGED_IN_TRANSIT', 'DEFECTIVE',
                            'WRONG_ITEM', 'NOT_AS_DESCRIBED', 'ARRIVED_LATE', 'MISSING_PARTS',
                            'BETTER_PRICE_ELSEWHERE')),
    declared_condition  text check (declared_condition in ('UNOPENED', 'OPENED', 'USED', 'DAMAGED')),
    received_sku        text,
    received_serial     text,
    received_quantity   integer check (received_quantity >= 0),
    disposition         text check (disposition in (
                            'RESTOCK', 'REFURBISH', 'VENDOR_RETURN', 'LIQUIDATE', 'SCRAP', 'HOLD')),
    order_id            bigint  not null,
    primary key (return_id, line_no),
    foreign key (order_id, line_no) references sales_order_line (order_id, line_no)
);

-- The timeline of a return: every status change and decision, who made it and why. Append-only.
create table return_event (
    id           bigint generated always as identity primary key,
    return_id    uuid        not null references return_request (id),
    occurred_at  timestamptz not null,
    actor        text        not null,
    type         text        not null,
    from_status  text,
    to_status    text,
    detail       text
);
create index return_event_by_return on return_event (return_id, id);

create function forbid_change() returns trigger language plpgsql as $$
begin
    raise exception '% is append-only: % is not allowed', tg_table_name, tg_op;
end;
$$;

create trigger return_event_append_only
    before update or delete on return_event
    for each row execute function forbid_change();

-- A parcel scanned at a warehouse. A parcel without a known RMA is kept unmatched, never dropped.
create table parcel_receipt (
    id           bigint generated always as identity primary key,
    scan_id      text        unique,
    warehouse    text        not null,
    rma_number   text,
    tracking_id  text,
    return_id    uuid references return_request (id),
    received_at  timestamptz not null,
    received_by  text        not null
);
create index parcel_receipt_by_return on parcel_receipt (return_id);

create table parcel_receipt_line (
    receipt_id  bigint  not null references parcel_receipt (id),
    position    integer not null,
    sku         text    not null,
    serial      text,
    quantity    integer not null check (quantity > 0),
    primary key (receipt_id, position)
);

-- What quality found, per return line. One inspection per line: a repeated delivery of the step is a no-op.
create table inspection (
    return_id         uuid        not null,
    line_no           integer     not null,
    grade             char(1)     not null check (grade in ('A', 'B', 'C', 'D', 'E')),
    sku_matches       boolean     not null,
    serial_matches    boolean,
    packaging_ok      boolean     not null,
    functional        boolean     not null,
    reason_confirmed  boolean     not null,
    received_serial   text,
    notes             text,
    inspected_by      text        not null,
    inspected_at      timestamptz not null,
    primary key (return_id, line_no),
    foreign key (return_id, line_no) references return_line (return_id, line_no)
);
