-- Marketplace reports (docs/marketplaces.md): a return the marketplace authorised itself keeps the marketplace's id
-- of it, so the same return in the next report (or a replay of its dead letter) finds it instead of making another,
-- and people can find the return by the id the marketplace shows them.
alter table return_request add column channel_return_id text;
create unique index return_request_by_channel_return_id on return_request (order_id, channel_return_id)
    where channel_return_id is not null;
