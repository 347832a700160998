-- The marketing campaign an order came from, if any: the dashboards show return rates per campaign. Another change
-- may add the same column; "if not exists" lets both run.
alter table sales_order add column if not exists campaign_code text;
