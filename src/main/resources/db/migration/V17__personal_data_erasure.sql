-- Erasure of a customer's personal data, on request or after the retention period (docs/operations.md, "Personal
-- data: erasure and retention"). The financial records, the stock ledger and the timeline's who, when and what stay.

-- When the customer's personal data was last erased. Data a channel sends later (a new order) makes updated_at newer,
-- and the retention job erases the customer again once that data has aged too.
alter table customer
    add column erased_at timestamptz;
-- The retention job looks for customers whose row has not been written since before the retention period.
create index customer_by_updated_at on customer (updated_at);

-- Who erased whose personal data, when, why, and how many records of each kind the erasure changed. The customer id
-- is kept as it is: it is the channel's pseudonymous key that the orders, refunds and ledgers refer to, and no
-- personal data is left behind it. Append-only: erasing a customer again adds a row.
create table erasure (
    id           bigint generated always as identity primary key,
    customer_id  text        not null references customer (id),
    -- REQUEST: the customer asked (through support); RETENTION: the retention period of their data ran out.
    cause        text        not null check (cause in ('REQUEST', 'RETENTION')),
    reason       text        not null check (btrim(reason) <> ''),
    erased_by    text        not null,
    erased_at    timestamptz not null,
    -- Records changed per kind, e.g. {"customer": 1, "customerMessages": 2, "processVariables": 5}.
    counts       jsonb       not null
);
create index erasure_by_customer on erasure (customer_id, erased_at);

create trigger erasure_append_only
    before update or delete on erasure
    for each row execute function forbid_change();

-- The timeline stays append-only, with one exception: an erasure may replace the detail text of an entry (where it
-- copied an inspector's evidence references or notes), never who, when, what type or which status change. The
-- erasure says so by setting returns.erasure to 'on' for its own transaction (set_config(..., true)).
create function return_event_append_only_but_erasure() returns trigger language plpgsql as $$
begin
    if tg_op = 'UPDATE' and current_setting('returns.erasure', true) = 'on'
            and (new.id, new.return_id, new.occurred_at, new.actor, new.type, new.from_status, new.to_status)
                is not distinct from
                (old.id, old.return_id, old.occurred_at, old.actor, old.type, old.from_status, old.to_status) then
        return new;
    end if;
    raise exception '% is append-only: % is not allowed', tg_table_name, tg_op;
end;
$$;

drop trigger return_event_append_only on return_event;
create trigger return_event_append_only
    before update or delete on return_event
    for each row execute function return_event_append_only_but_erasure();
