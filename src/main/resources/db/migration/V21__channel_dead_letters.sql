-- Messages from the sales channels that could not be taken (docs/channels.md, "Dead letters"): a webhook or a report
-- record whose content breaks a rule (an unknown SKU, an order that does not exist yet, a refund for more than was
-- paid). It is kept with the reason until someone fixes the cause and replays it, or discards it saying why.

create table channel_dead_letter (
    id              bigint generated always as identity primary key,
    channel         text        not null references sales_channel (code),
    -- What kind of message it is, which also names the handler a replay gives it to ("web-store:orders/create",
    -- "marketplace-order-report", ...).
    message_type    text        not null,
    -- The channel's id of the message (webhook id, report file and line): the same message rejected again updates
    -- its row instead of adding one.
    message_id      text        not null,
    payload         text        not null,
    reason          text        not null,
    status          text        not null default 'OPEN' check (status in ('OPEN', 'REPLAYED', 'DISCARDED')),
    attempts        integer     not null default 1 check (attempts > 0),
    first_failed_at timestamptz not null,
    last_failed_at  timestamptz not null,
    resolved_at     timestamptz,
    resolved_by     text,
    resolution_note text,
    unique (channel, message_type, message_id),
    check ((status = 'OPEN') = (resolved_at is null))
);
create index channel_dead_letter_open on channel_dead_letter (channel, last_failed_at) where status = 'OPEN';
