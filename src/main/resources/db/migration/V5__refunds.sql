-- Refunds and credit notes: what a return line is refunded, when the money may leave, and the record of it.
-- Amounts in minor units of the order's currency (docs/adr/0004-money-in-minor-units.md). The guard that keeps
-- money from leaving before the return is validated lives here as well as in the service
-- (docs/adr/0007-refund-release-guard.md).

-- One refund per return line. FULL pays the gross; PARTIAL pays the gross less a deduction (a restocking fee or a
-- damage deduction); NONE and REPLACEMENT pay nothing (a replacement is a stock move, not money).
create table refund (
    id                bigint generated always as identity primary key,
    idempotency_key   text        not null unique,
    return_id         uuid        not null,
    return_line_no    integer     not null,
    decision          text        not null check (decision in ('FULL', 'PARTIAL', 'NONE', 'REPLACEMENT')),
    currency          char(3)     not null,
    -- Unit price of the order line x the quantity refunded.
    gross_minor       bigint      not null check (gross_minor >= 0),
    deduction_minor   bigint      not null default 0,
    deduction_type    text check (deduction_type in ('RESTOCKING_FEE', 'DAMAGE')),
    -- What the customer is paid.
    amount_minor      bigint      not null,
    status            text        not null check (status in ('HELD', 'APPROVED', 'RELEASED', 'FAILED')),
    gateway           text,
    gateway_reference text,
    failure_reason    text,
    held_by           text        not null,
    held_at           timestamptz not null,
    approved_by       text,
    approved_at       timestamptz,
    released_by       text,
    released_at       timestamptz,
    failed_by         text,
    failed_at         timestamptz,
    unique (return_id, return_line_no),
    foreign key (return_id, return_line_no) references return_line (return_id, line_no),
    -- PostgreSQL tests check constraints in the order of their names: the two amount checks report first.
    constraint refund_amount_not_negative check (amount_minor >= 0),
    constraint refund_amount_within_gross check (amount_minor <= gross_minor),
    constraint refund_deduction_within_gross check (deduction_minor >= 0 and deduction_minor <= gross_minor),
    constraint refund_decision_sets_amount check (case decision
        when 'FULL' then deduction_minor = 0 and deduction_type is null and amount_minor = gross_minor
        when 'PARTIAL' then deduction_minor > 0 and deduction_type is not null
                            and amount_minor = gross_minor - deduction_minor
        else deduction_minor = 0 and deduction_type is null and amount_minor = 0 end),
    constraint refund_approved_says_who check (status = 'HELD' or (approved_by is not null and approved_at is not null)),
    constraint refund_released_says_who check (status <> 'RELEASED' or (released_by is not null and released_at is not null)),
    constraint refund_paid_has_gateway_reference check (status <> 'RELEASED' or amount_minor = 0
        or gateway_reference is not null),
    constraint refund_failure_has_reason check (status <> 'FAILED'
        or (failure_reason is not null and failed_by is not null and failed_at is not null))
);
create index refund_by_status on refund (status);

-- Every status change of a refund: who, when, from, to and why. Append-only.
create table refund_event (
    id           bigint generated always as identity primary key,
    refund_id    bigint      not null references refund (id),
    occurred_at  timestamptz not null,
    actor        text        not null,
    from_status  text,
    to_status    text        not null,
    reason       text        not null
);
create index refund_event_by_refund on refund_event (refund_id, id);

create trigger refund_event_append_only
    before update or delete on refund_event
    for each row execute function forbid_change();

-- Permission to release the refund of a line without a passed inspection (a parcel the carrier lost, a goodwill
-- decision). Requested by one person, approved by another; once approved it is never changed or removed.
create table refund_exception (
    id              bigint generated always as identity primary key,
    return_id       uuid        not null,
    return_line_no  integer     not null,
    reason          text        not null check (btrim(reason) <> ''),
    requested_by    text        not null,
    requested_at    timestamptz not null,
    approved_by     text,
    approved_at     timestamptz,
    foreign key (return_id, return_line_no) references return_line (return_id, line_no),
    constraint refund_exception_four_eyes check (approved_by is null or approved_by <> requested_by),
    constraint refund_exception_approval_says_when check ((approved_by is null) = (approved_at is null))
);
create index refund_exception_by_line on refund_exception (return_id, return_line_no);

-- An exception changes once: from requested to approved. Nothing else of it is ever edited, and none is deleted.
create function refund_exception_approve_only() returns trigger language plpgsql as $$
begin
    if tg_op = 'DELETE' then
        raise exception 'refund_exception is append-only: DELETE is not allowed';
    end if;
    if old.approved_by is not null
            or (new.id, new.return_id, new.return_line_no, new.reason, new.requested_by, new.requested_at)
               is distinct from
               (old.id, old.return_id, old.return_line_no, old.reason, old.requested_by, old.requested_at) then
        raise exception 'refund exception % can only be approved once; nothing else of it changes', old.id;
    end if;
    return new;
end;
$$;

create trigger refund_exception_changes
    before update or delete on refund_exception
    for each row execute function refund_exception_approve_only();

-- The one definition of "validated" (DOMAIN.md principle 2), used by the release guard below, by the service and
-- by reconciliation: the line's inspection passed, or an approved exception exists for it.
-- An inspection passes when quality recorded one for the line, found the SKU sold, and did not find a different
-- serial (serial_matches is null for items without serials). Grade and condition do not decide whether money may
-- leave; they decide how much (the refund's decision and deduction).
create function return_line_inspection_passed(p_return_id uuid, p_line_no integer) returns boolean
    language sql stable as $$
    select exists (select 1 from inspection
                   where return_id = p_return_id and line_no = p_line_no
                     and sku_matches and serial_matches is distinct from false)
$$;

create function refund_release_allowed(p_return_id uuid, p_line_no integer) returns boolean
    language sql stable as $$
    select return_line_inspection_passed(p_return_id, p_line_no)
        or exists (select 1 from refund_exception
                   where return_id = p_return_id and return_line_no = p_line_no and approved_by is not null)
$$;

-- What a refund may be when it is created, and how it may change afterwards. The money of a refund never changes
-- once held; its status moves HELD -> APPROVED -> RELEASED, or APPROVED -> FAILED -> (retry) RELEASED or FAILED;
-- and it never becomes RELEASED unless the return line is validated.
create function refund_guard() returns trigger language plpgsql as $$
declare
    refundable_minor bigint;
    order_currency   char(3);
begin
    if tg_op = 'DELETE' then
        raise exception 'refund is never deleted: refund % stays on record', old.id;
    end if;
    if tg_op = 'INSERT' then
        if new.status <> 'HELD' then
            raise exception 'a refund starts HELD, not %', new.status;
        end if;
        select sol.unit_price_minor * least(rl.quantity, coalesce(rl.received_quantity, rl.quantity)), so.currency
          into refundable_minor, order_currency
          from return_line rl
          join sales_order_line sol on sol.order_id = rl.order_id and sol.line_no = rl.line_no
          join sales_order so on so.id = rl.order_id
         where rl.return_id = new.return_id and rl.line_no = new.return_line_no;
        if new.gross_minor <> refundable_minor or new.currency <> order_currency then
            raise exception 'refund of return % line % must have the gross % % (unit price x quantity), not % %',
                new.return_id, new.return_line_no, refundable_minor, order_currency, new.gross_minor, new.currency;
        end if;
        return new;
    end if;
    if (new.id, new.idempotency_key, new.return_id, new.return_line_no, new.decision, new.currency, new.gross_minor,
        new.deduction_minor, new.deduction_type, new.amount_minor, new.held_by, new.held_at)
       is distinct from
       (old.id, old.idempotency_key, old.return_id, old.return_line_no, old.decision, old.currency, old.gross_minor,
        old.deduction_minor, old.deduction_type, old.amount_minor, old.held_by, old.held_at) then
        raise exception 'refund % cannot be edited: only its status moves on', old.id;
    end if;
    if new.status is distinct from old.status and (old.status, new.status) not in (
            ('HELD', 'APPROVED'), ('APPROVED', 'RELEASED'), ('APPROVED', 'FAILED'), ('FAILED', 'RELEASED')) then
        raise exception 'refund % cannot move from % to %', old.id, old.status, new.status;
    end if;
    if old.status = 'RELEASED' then
        raise exception 'refund % is released and cannot change', old.id;
    end if;
    if new.status = 'RELEASED' and not refund_release_allowed(new.return_id, new.return_line_no) then
        raise exception 'refund % cannot be released: the inspection of return % line % has not passed and no approved exception exists',
            new.id, new.return_id, new.return_line_no
            using errcode = 'check_violation';
    end if;
    return new;
end;
$$;

create trigger refund_guard
    before insert or update or delete on refund
    for each row execute function refund_guard();

-- Numbered credit notes, one per paid refund, never changed.
create sequence credit_note_number_seq;

create table credit_note (
    number     text primary key,
    refund_id  bigint      not null unique references refund (id),
    amount_minor bigint    not null check (amount_minor > 0),
    currency   char(3)     not null,
    issued_at  timestamptz not null,
    issued_by  text        not null
);

create trigger credit_note_append_only
    before update or delete on credit_note
    for each row execute function forbid_change();

-- The offline payment gateway: released refunds to be paid by finance through the bank, and the settlement files
-- they were exported in. A payout is exported in exactly one batch.
create table offline_payout (
    refund_id     bigint      primary key references refund (id),
    reference     text        not null unique,
    amount_minor  bigint      not null check (amount_minor > 0),
    currency      char(3)     not null,
    recorded_at   timestamptz not null
);

create table settlement_batch (
    id           bigint generated always as identity primary key,
    exported_at  timestamptz not null,
    exported_by  text        not null
);

create table settlement_batch_payout (
    batch_id   bigint not null references settlement_batch (id),
    refund_id  bigint not null unique references offline_payout (refund_id),
    primary key (batch_id, refund_id)
);

create trigger offline_payout_append_only
    before update or delete on offline_payout
    for each row execute function forbid_change();
create trigger settlement_batch_append_only
    before update or delete on settlement_batch
    for each row execute function forbid_change();
create trigger settlement_batch_payout_append_only
    before update or delete on settlement_batch_payout
    for each row execute function forbid_change();
