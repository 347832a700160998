-- Shipments of sales orders (docs/specification/http-api.md, POST /api/orders/{orderId}/shipments): which units of
-- which order line left which warehouse when. Each shipped unit is also a SALE_SHIPMENT move of the stock ledger,
-- from SELLABLE to the warehouse's (virtual) CUSTOMER place, posted Dr cost of goods sold / Cr inventory.

create table order_shipment (
    -- The channel's or the warehouse's id of the shipment: sending it again records nothing twice.
    shipment_id  text        primary key,
    order_id     bigint      not null references sales_order (id),
    warehouse    text        not null,
    shipped_at   timestamptz not null,
    recorded_by  text        not null,
    recorded_at  timestamptz not null
);
create index order_shipment_by_order on order_shipment (order_id);

create table order_shipment_line (
    shipment_id  text    not null references order_shipment (shipment_id),
    order_id     bigint  not null,
    line_no      integer not null,
    quantity     integer not null check (quantity > 0),
    serials      text[]  not null default '{}',
    primary key (shipment_id, line_no),
    foreign key (order_id, line_no) references sales_order_line (order_id, line_no),
    check (cardinality(serials) = 0 or cardinality(serials) = quantity)
);
create index order_shipment_line_by_order_line on order_shipment_line (order_id, line_no);

create trigger order_shipment_append_only
    before update or delete on order_shipment
    for each row execute function forbid_change();
create trigger order_shipment_line_append_only
    before update or delete on order_shipment_line
    for each row execute function forbid_change();
