-- What the resolution of a return sets in motion outside the return itself: the customer's notifications, the
-- refurbishment queue, supplier claims for vendor returns and replacement orders for wrong items. Each is created
-- once per return (and line): a repeated step finds it there.

create table customer_notification (
    id          bigint generated always as identity primary key,
    return_id   uuid        not null references return_request (id),
    type        text        not null check (type in ('RETURN_AUTHORIZED', 'RETURN_REJECTED', 'RETURN_EXPIRED',
                                                     'RETURN_DISPUTED', 'RETURN_CLOSED')),
    recipient   text        not null,
    message     text        not null,
    sent_at     timestamptz not null,
    unique (return_id, type)
);

create table refurbishment_job (
    id              bigint generated always as identity primary key,
    return_id       uuid        not null,
    return_line_no  integer     not null,
    sku             text        not null,
    serial          text,
    quantity        integer     not null check (quantity > 0),
    warehouse       text        not null,
    status          text        not null check (status in ('OPEN', 'DONE')),
    outcome         text check (outcome in ('RESTOCKED', 'SCRAPPED')),
    notes           text,
    created_by      text        not null,
    created_at      timestamptz not null,
    completed_by    text,
    completed_at    timestamptz,
    unique (return_id, return_line_no),
    foreign key (return_id, return_line_no) references return_line (return_id, line_no),
    constraint refurbishment_job_done_says_how check ((status = 'DONE') = (outcome is not null
        and completed_by is not null and completed_at is not null))
);
create index refurbishment_job_by_status on refurbishment_job (status, warehouse);

create table supplier_claim (
    id              bigint generated always as identity primary key,
    return_id       uuid        not null,
    return_line_no  integer     not null,
    supplier        text        not null references supplier (code),
    sku             text        not null,
    serial          text,
    quantity        integer     not null check (quantity > 0),
    amount_minor    bigint      not null check (amount_minor >= 0),
    currency        char(3)     not null,
    warehouse       text        not null,
    status          text        not null check (status in ('OPEN', 'SHIPPED')),
    created_by      text        not null,
    created_at      timestamptz not null,
    shipped_by      text,
    shipped_at      timestamptz,
    unique (return_id, return_line_no),
    foreign key (return_id, return_line_no) references return_line (return_id, line_no),
    constraint supplier_claim_shipped_says_when check ((status = 'SHIPPED') = (shipped_by is not null
        and shipped_at is not null))
);
create index supplier_claim_by_status on supplier_claim (status);

create table replacement_order (
    id              bigint generated always as identity primary key,
    return_id       uuid        not null,
    return_line_no  integer     not null,
    sku             text        not null,
    quantity        integer     not null check (quantity > 0),
    warehouse       text        not null,
    status          text        not null check (status in ('SHIPPED', 'BACKORDERED')),
    stock_move_id   bigint references stock_move (id),
    created_by      text        not null,
    created_at      timestamptz not null,
    unique (return_id, return_line_no),
    foreign key (return_id, return_line_no) references return_line (return_id, line_no),
    constraint replacement_order_shipped_has_move check ((status = 'SHIPPED') = (stock_move_id is not null))
);
create index replacement_order_by_status on replacement_order (status);
