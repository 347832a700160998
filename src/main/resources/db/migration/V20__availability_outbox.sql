-- Available-to-sell published to the sales channels (docs/channels.md).

-- Where a channel takes the figures; a channel without an endpoint gets none. The token, if any, goes with every
-- delivery as "Authorization: Bearer <token>"; the API never shows it.
alter table sales_channel
    add column availability_url   text check (availability_url ~ '^https?://'),
    add column availability_token text;

-- Orders the figures of one SKU: a channel keeps the figure with the highest sequence it has seen.
create sequence availability_sequence;

-- The transactional outbox: one row per channel and SKU holding the latest figure, written in the transaction of
-- the stock move that changed it. A newer figure replaces an undelivered older one, so only the latest goes out.
create table availability_outbox (
    channel             text        not null references sales_channel (code),
    sku                 text        not null references product (sku),
    available_to_sell   integer     not null,
    sequence            bigint      not null,
    as_of               timestamptz not null,
    -- Since when the channel has been behind on this SKU; null once the latest figure is delivered.
    pending_since       timestamptz,
    -- Failed attempts at the pending figure(s) since the last delivery, and when the next one may start.
    attempts            integer     not null default 0,
    next_attempt_at     timestamptz not null,
    -- A worker sending the row holds it until then (no database lock is held during the HTTP call).
    claimed_until       timestamptz,
    delivered_sequence  bigint,
    delivered_at        timestamptz,
    last_error          text,
    last_error_at       timestamptz,
    primary key (channel, sku)
);
create index availability_outbox_due on availability_outbox (next_attempt_at) where pending_since is not null;

-- Per channel: a channel that looks down (no answer, 5xx, 429) is paused as a whole instead of being tried SKU by
-- SKU; and what the state endpoint shows.
create table availability_channel_state (
    channel             text        primary key references sales_channel (code),
    consecutive_failures integer    not null default 0,
    paused_until        timestamptz,
    last_error          text,
    last_error_at       timestamptz,
    last_delivered_at   timestamptz,
    last_delivered_sku  text,
    last_delivered_sequence bigint
);
