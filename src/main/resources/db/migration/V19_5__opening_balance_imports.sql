-- Opening balances imported from CSV (docs/specification/accounting.md, "Opening balances from CSV"): one row per
-- import, written in the same transaction as all of its moves, so an import is either whole or absent.
create table opening_balance_import (
    -- The caller's id of the import: sending the same file again imports nothing twice.
    import_id       text        primary key,
    warehouse       text        not null,
    -- SHA-256 of the file as sent, to tell the same file from another one under the same id.
    content_sha256  text        not null,
    rows            integer     not null,
    units           bigint      not null,
    imported_by     text        not null,
    imported_at     timestamptz not null
);

create trigger opening_balance_import_append_only
    before update or delete on opening_balance_import
    for each row execute function forbid_change();
