-- Reservations and cancellations of sales orders (docs/specification/accounting.md, "Reservations"): the units of an
-- order not yet shipped nor cancelled are promised to its customer, so they are not available to sell.

-- Orders ingested before shipments were recorded, and orders that arrive delivered already, left the warehouse
-- outside the ledger's sight: they reserve nothing. Orders ingested undelivered from now on reserve their open units.
alter table sales_order add column reserves_stock boolean not null default false;

create table order_cancellation (
    -- The channel's id of the cancellation: sending it again records nothing twice.
    cancellation_id  text        primary key,
    order_id         bigint      not null references sales_order (id),
    recorded_by      text        not null,
    recorded_at      timestamptz not null
);
create index order_cancellation_by_order on order_cancellation (order_id);

create table order_cancellation_line (
    cancellation_id  text    not null references order_cancellation (cancellation_id),
    order_id         bigint  not null,
    line_no          integer not null,
    quantity         integer not null check (quantity > 0),
    primary key (cancellation_id, line_no),
    foreign key (order_id, line_no) references sales_order_line (order_id, line_no)
);
create index order_cancellation_line_by_order_line on order_cancellation_line (order_id, line_no);

create trigger order_cancellation_append_only
    before update or delete on order_cancellation
    for each row execute function forbid_change();
create trigger order_cancellation_line_append_only
    before update or delete on order_cancellation_line
    for each row execute function forbid_change();

-- Every order line with what was shipped and cancelled of it, and what is still open; reserved is the open part of a
-- reserving order.
create view order_line_fulfilment as
select l.order_id, l.line_no, l.sku, o.warehouse, l.quantity,
       coalesce(shipped.quantity, 0) as shipped,
       coalesce(cancelled.quantity, 0) as cancelled,
       l.quantity - coalesce(shipped.quantity, 0) - coalesce(cancelled.quantity, 0) as open,
       case when o.reserves_stock
            then greatest(l.quantity - coalesce(shipped.quantity, 0) - coalesce(cancelled.quantity, 0), 0)
            else 0 end as reserved
from sales_order_line l
join sales_order o on o.id = l.order_id
left join lateral (select sum(s.quantity)::integer as quantity from order_shipment_line s
                   where s.order_id = l.order_id and s.line_no = l.line_no) shipped on true
left join lateral (select sum(c.quantity)::integer as quantity from order_cancellation_line c
                   where c.order_id = l.order_id and c.line_no = l.line_no) cancelled on true;

create index sales_order_line_by_sku on sales_order_line (sku);
