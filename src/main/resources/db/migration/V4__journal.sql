-- The general journal: balanced double-entry entries that are never edited; a correction is a reversing entry.
-- Amounts in minor units of the entry's currency.

create table account (
    code  text primary key,
    name  text not null,
    type  text not null check (type in ('ASSET', 'LIABILITY', 'INCOME', 'EXPENSE'))
);

insert into account (code, name, type) values
    ('1000', 'Payment clearing', 'ASSET'),
    ('1300', 'Inventory - sellable', 'ASSET'),
    ('1310', 'Inventory - returns and quarantine', 'ASSET'),
    ('1320', 'Inventory - refurbishment', 'ASSET'),
    ('1330', 'Inventory - liquidation', 'ASSET'),
    ('1400', 'Supplier claims receivable', 'ASSET'),
    ('2000', 'Goods received not invoiced', 'LIABILITY'),
    ('2100', 'Refunds payable', 'LIABILITY'),
    ('4100', 'Sales returns', 'INCOME'),
    ('4200', 'Restocking fee income', 'INCOME'),
    ('5000', 'Cost of goods sold', 'EXPENSE'),
    ('5100', 'Inventory write-downs', 'EXPENSE'),
    ('5200', 'Service recovery cost', 'EXPENSE'),
    ('5300', 'Inventory count differences', 'EXPENSE');

create table journal_entry (
    id                 bigint generated always as identity primary key,
    idempotency_key    text        not null unique,
    posted_at          timestamptz not null,
    posted_by          text        not null,
    reason             text        not null,
    -- What the entry explains: a stock move, a refund, ...; and the return and line it belongs to, if any.
    source_type        text        not null check (source_type in ('STOCK_MOVE', 'REFUND', 'MANUAL')),
    source_id          text        not null,
    return_id          uuid,
    return_line_no     integer,
    currency           char(3)     not null,
    reverses_entry_id  bigint references journal_entry (id),
    description        text
);
-- Partial: most entries (stock moves outside returns) have no return.
create index journal_entry_by_return on journal_entry (return_id) where return_id is not null;
create index journal_entry_by_source on journal_entry (source_type, source_id);

create table journal_line (
    entry_id      bigint  not null references journal_entry (id),
    line_no       integer not null,
    account_code  text    not null references account (code),
    debit_minor   bigint  not null check (debit_minor >= 0),
    credit_minor  bigint  not null check (credit_minor >= 0),
    check ((debit_minor = 0) <> (credit_minor = 0)),
    primary key (entry_id, line_no)
);
create index journal_line_by_account on journal_line (account_code);

create trigger journal_entry_append_only
    before update or delete on journal_entry
    for each row execute function forbid_change();
create trigger journal_line_append_only
    before update or delete on journal_line
    for each row execute function forbid_change();

-- Every entry balances. The lines of an entry are written in one statement, so the statement's new lines are
-- checked together; an entry with no lines at all is caught by reconciliation.
create function journal_lines_balance() returns trigger language plpgsql as $$
declare
    unbalanced bigint;
begin
    select entry_id into unbalanced
    from new_lines
    group by entry_id
    having sum(debit_minor) <> sum(credit_minor)
    limit 1;
    if unbalanced is not null then
        raise exception 'journal entry % does not balance: debits and credits differ', unbalanced;
    end if;
    return null;
end;
$$;

create trigger journal_line_balances
    after insert on journal_line
    referencing new table as new_lines
    for each statement execute function journal_lines_balance();
