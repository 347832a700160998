-- What each order line still reserves, kept as it changes, so that available-to-sell reads the open reservations of a
-- SKU only. The view order_line_fulfilment (V19_1) sums the shipments and cancellations of every line the SKU was
-- ever sold on, and so got slower with every order: each stock move that publishes a figure paid for the whole sales
-- history of its SKUs.
--
-- A line reserves while its order reserves stock (reserves_stock is set once, at ingestion) and it is neither shipped
-- nor cancelled in full. Its open quantity only ever falls (shipment and cancellation lines are append-only), so
-- subtracting each new shipment or cancellation line and dropping the row at zero keeps exactly
-- greatest(ordered - shipped - cancelled, 0); and two transactions shipping the same line both subtract, one after
-- the other, on the row's lock.

create table order_line_reservation (
    order_id  bigint  not null,
    line_no   integer not null,
    sku       text    not null,
    reserved  integer not null check (reserved > 0),
    primary key (order_id, line_no),
    foreign key (order_id, line_no) references sales_order_line (order_id, line_no)
);
create index order_line_reservation_by_sku on order_line_reservation (sku) include (reserved);

insert into order_line_reservation (order_id, line_no, sku, reserved)
select order_id, line_no, sku, reserved from order_line_fulfilment where reserved > 0;

create function reserve_order_line() returns trigger language plpgsql as $$
begin
    insert into order_line_reservation (order_id, line_no, sku, reserved)
    select new.order_id, new.line_no, new.sku, new.quantity
    from sales_order o where o.id = new.order_id and o.reserves_stock;
    return null;
end $$;

create trigger sales_order_line_reserves
    after insert on sales_order_line
    for each row execute function reserve_order_line();

create function release_order_line() returns trigger language plpgsql as $$
begin
    update order_line_reservation set reserved = reserved - new.quantity
    where order_id = new.order_id and line_no = new.line_no and reserved > new.quantity;
    if not found then
        delete from order_line_reservation where order_id = new.order_id and line_no = new.line_no;
    end if;
    return null;
end $$;

create trigger order_shipment_line_releases
    after insert on order_shipment_line
    for each row execute function release_order_line();
create trigger order_cancellation_line_releases
    after insert on order_cancellation_line
    for each row execute function release_order_line();
