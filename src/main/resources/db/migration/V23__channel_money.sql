-- The money side of the sales channels: web-store webhooks signed with a secret (docs/channels.md, "Web-store
-- webhooks"), refunds a channel paid the customer itself ("Channel refunds"), and the lines of marketplace settlement
-- reports (docs/marketplaces.md, "Settlement report").

-- The secret a channel signs its webhooks with (HMAC-SHA256 of the body); the API never shows it. Without one the
-- channel's webhooks are refused.
alter table sales_channel add column webhook_secret text;

-- What the channels owe us: a marketplace pays out the sales it collected less its fees and the refunds it paid,
-- so fees and channel refunds are credited here. Marketplace fees are an expense of selling there.
insert into account (code, name, type) values
    ('1200', 'Channel receivable', 'ASSET'),
    ('5400', 'Marketplace fees', 'EXPENSE');

-- Entries explaining a line of a channel's settlement report.
alter table journal_entry drop constraint journal_entry_source_type_check;
alter table journal_entry add constraint journal_entry_source_type_check
    check (source_type in ('STOCK_MOVE', 'REFUND', 'MANUAL', 'CHANNEL_SETTLEMENT'));

-- A refund the channel paid the customer itself (the web store's refunds/create, a refund line of a marketplace
-- settlement), one row per refunded order line, matched to the return of that order line when there is one.
create table channel_refund (
    id                bigint generated always as identity primary key,
    channel           text        not null references sales_channel (code),
    -- The channel's id of the refund line: recording it again changes nothing.
    channel_refund_id text        not null,
    order_id          bigint      not null references sales_order (id),
    order_line_no     integer     not null,
    sku               text        not null,
    amount_minor      bigint      not null check (amount_minor > 0),
    currency          char(3)     not null,
    paid_at           timestamptz not null,
    source            text        not null check (source in ('WEB_STORE_WEBHOOK', 'SETTLEMENT_REPORT')),
    -- The channel message it came with (webhook id, settlement id/line id).
    message_id        text        not null,
    -- The return line it was matched to; null while the order line has no return.
    return_id         uuid,
    return_line_no    integer,
    recorded_at       timestamptz not null,
    recorded_by       text        not null,
    -- A reversal of the refund in a later settlement line: it no longer counts.
    reversed_at       timestamptz,
    reversed_by       text,
    unique (channel, channel_refund_id),
    foreign key (order_id, order_line_no) references sales_order_line (order_id, line_no),
    foreign key (return_id, return_line_no) references return_line (return_id, line_no),
    check ((return_id is null) = (return_line_no is null))
);
create index channel_refund_by_order_line on channel_refund (order_id, order_line_no);
create index channel_refund_by_return_line on channel_refund (return_id, return_line_no) where return_id is not null;

-- The lines of the channels' settlement reports, as taken, once per channel, settlement and line.
create table channel_settlement_line (
    id                 bigint generated always as identity primary key,
    channel            text        not null references sales_channel (code),
    settlement_id      text        not null,
    line_id            text        not null,
    line_type          text        not null check (line_type in ('ORDER_PAYMENT', 'REFUND', 'FEE', 'REVERSAL')),
    order_id           bigint references sales_order (id),
    sku                text,
    amount_minor       bigint      not null check (amount_minor > 0),
    currency           char(3)     not null,
    booked_at          timestamptz not null,
    description        text,
    -- A refund line's channel refund; a fee line's journal entry; a reversal's reversed line.
    channel_refund_id  bigint references channel_refund (id),
    journal_entry_id   bigint references journal_entry (id),
    reverses_line_id   bigint references channel_settlement_line (id),
    recorded_at        timestamptz not null,
    recorded_by        text        not null,
    unique (channel, settlement_id, line_id)
);
-- A line is reversed at most once.
create unique index channel_settlement_line_reversed_once on channel_settlement_line (reverses_line_id)
    where reverses_line_id is not null;
