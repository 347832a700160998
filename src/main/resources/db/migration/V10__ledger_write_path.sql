-- The stock ledger's write path (docs/benchmarks.md).

-- Every move rewrites two balance rows. With full pages an update must put the new row version on another page
-- and add it to both indexes; room left on each page lets PostgreSQL keep the new version on the same page
-- without touching the indexes (a HOT update). Applies to pages written from now on.
alter table stock_balance set (fillfactor = 70);
