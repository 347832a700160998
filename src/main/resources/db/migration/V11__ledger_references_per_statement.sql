-- The stock ledger's and the journal's references to master data, checked once per statement instead of per row.
--
-- A foreign key checks every inserted row on its own and share-locks the row it refers to. A batch of moves refers
-- to a few locations and a handful of accounts over and over, so the ledger's write path spent more time on those
-- checks and locks than on anything else (docs/benchmarks.md: 12,186 and 12,425 moves/s with them, 19,358 and
-- 15,783 without, in one session). The share lock only keeps the referred row from being deleted or re-keyed while
-- the move commits; products, locations and accounts are never deleted nor re-keyed (enforced below), so an
-- existence check of the whole statement's rows gives the same guarantee (docs/adr/0012-ledger-references-checked-per-statement.md).

create function forbid_delete_or_rekey() returns trigger language plpgsql as $$
begin
    raise exception '% rows are master data that the ledger refers to: they are never deleted and their key never changes',
        tg_table_name using errcode = '23503';
end;
$$;

create trigger product_kept before delete or update of sku on product
    for each row execute function forbid_delete_or_rekey();
create trigger location_kept before delete or update of id on location
    for each row execute function forbid_delete_or_rekey();
create trigger account_kept before delete or update of code on account
    for each row execute function forbid_delete_or_rekey();

alter table stock_move drop constraint stock_move_sku_fkey;
alter table stock_move drop constraint stock_move_from_location_id_fkey;
alter table stock_move drop constraint stock_move_to_location_id_fkey;

create function stock_move_references_exist() returns trigger language plpgsql as $$
declare
    missing text;
begin
    select new_moves.sku into missing from new_moves
    where not exists (select 1 from product where product.sku = new_moves.sku) limit 1;
    if found then
        raise exception 'stock move refers to SKU %, which is not in the catalogue', missing using errcode = '23503';
    end if;
    select location_id into missing
    from (select from_location_id as location_id from new_moves
          union
          select to_location_id from new_moves) referred
    where location_id is not null and not exists (select 1 from location where location.id = referred.location_id)
    limit 1;
    if found then
        raise exception 'stock move refers to location %, which does not exist', missing using errcode = '23503';
    end if;
    return null;
end;
$$;

create trigger stock_move_references
    after insert on stock_move
    referencing new table as new_moves
    for each statement execute function stock_move_references_exist();

alter table journal_line drop constraint journal_line_entry_id_fkey;
alter table journal_line drop constraint journal_line_account_code_fkey;

create function journal_line_references_exist() returns trigger language plpgsql as $$
declare
    missing text;
begin
    select new_lines.account_code into missing from new_lines
    where not exists (select 1 from account where account.code = new_lines.account_code) limit 1;
    if found then
        raise exception 'journal line posts to account %, which is not in the chart of accounts', missing
            using errcode = '23503';
    end if;
    select new_lines.entry_id into missing from new_lines
    where not exists (select 1 from journal_entry where journal_entry.id = new_lines.entry_id) limit 1;
    if found then
        raise exception 'journal line belongs to entry %, which does not exist', missing using errcode = '23503';
    end if;
    return null;
end;
$$;

create trigger journal_line_references
    after insert on journal_line
    referencing new table as new_lines
    for each statement execute function journal_line_references_exist();
