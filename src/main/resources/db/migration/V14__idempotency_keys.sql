-- The first response to each write request that carried an Idempotency-Key header, so that a client's repeat of the
-- request (after a timeout, a lost connection or a duplicate delivery) is answered the same way instead of running the
-- work twice (docs/adr/0015-idempotency-keys.md). A row is written in the transaction of the work it answers for, so
-- there is never a row for work that did not commit. Rows older than returns.idempotency.keep-keys are deleted.
create table idempotency_key (
    username      text        not null,
    method        text        not null,
    path          text        not null,
    key           text        not null,
    request_hash  text        not null,
    status        integer,
    content_type  text,
    location      text,
    body          bytea,
    created_at    timestamptz not null,
    primary key (username, method, path, key)
);
create index idempotency_key_by_age on idempotency_key (created_at);
