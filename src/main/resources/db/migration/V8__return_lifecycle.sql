-- The whole return lifecycle: eligibility per line, authorization with its label and expected inbound, carrier
-- events, per-line decisions, approvals, disputes, SLA escalations and parcels that arrived without an RMA.

-- What the eligibility decision said about each line, what the disposition decision planned for it, and where
-- its returned units are now (null until the parcel is received).
alter table return_line
    add column eligibility         text check (eligibility in ('AUTO_APPROVE', 'MANUAL_REVIEW', 'REJECT')),
    add column eligibility_reason  text,
    add column refund_decision     text check (refund_decision in ('FULL', 'PARTIAL', 'NONE', 'REPLACEMENT')),
    add column deduction_type      text check (deduction_type in ('RESTOCKING_FEE', 'DAMAGE')),
    add column deduction_percent   integer check (deduction_percent between 0 and 100),
    add column decision_reason     text,
    add column location_type       text check (location_type in (
                                       'RETURNS_RECEIVING', 'QUARANTINE', 'BLOCKED', 'SELLABLE', 'REFURBISHMENT',
                                       'VENDOR_RETURN', 'LIQUIDATION', 'SCRAPPED'));

-- Why the return needs an approval before it is resolved; null when it does not.
alter table return_request
    add column approval_reason text;

-- The authorization the customer receives (instructions, carrier label) and the pre-advice the warehouse sees.
create table return_authorization (
    return_id        uuid primary key references return_request (id),
    warehouse        text        not null,
    carrier          text        not null,
    label_reference  text        not null,
    tracking_id      text        not null,
    instructions     text        not null,
    expected_by      timestamptz not null,
    authorized_at    timestamptz not null,
    authorized_by    text        not null
);
create index return_authorization_by_warehouse on return_authorization (warehouse);

-- What the carrier told us about a parcel. The carrier's event id makes a repeated delivery of the event a no-op.
create table carrier_event (
    event_id     text primary key,
    return_id    uuid        not null references return_request (id),
    type         text        not null check (type in ('IN_TRANSIT', 'DELIVERED')),
    occurred_at  timestamptz not null,
    recorded_at  timestamptz not null,
    recorded_by  text        not null
);
create index carrier_event_by_return on carrier_event (return_id);

-- Every approval decision on a return, kept even when a later one overrides it. A return is approved once per
-- round: the first decision, then once after each resolved dispute; a repeated step records a round once.
create table return_approval (
    id          bigint generated always as identity primary key,
    return_id   uuid        not null references return_request (id),
    round       integer     not null check (round >= 0),
    approved    boolean     not null,
    comment     text        not null check (btrim(comment) <> ''),
    decided_by  text        not null,
    decided_at  timestamptz not null,
    unique (return_id, round)
);

-- A return on hold: opened when inspection finds a disputed item or an approver refuses, resolved by a manager.
create table return_dispute (
    id                 bigint generated always as identity primary key,
    return_id          uuid        not null references return_request (id),
    reason             text        not null,
    opened_at          timestamptz not null,
    opened_by          text        not null,
    disposition        text check (disposition in ('RESTOCK', 'REFURBISH', 'VENDOR_RETURN', 'LIQUIDATE', 'SCRAP')),
    refund_decision    text check (refund_decision in ('FULL', 'PARTIAL', 'NONE')),
    deduction_percent  integer check (deduction_percent between 0 and 100),
    comment            text,
    resolved_by        text,
    resolved_at        timestamptz,
    constraint return_dispute_resolution_complete check ((resolved_by is null) = (resolved_at is null)
        and (resolved_by is null or (disposition is not null and refund_decision is not null and comment is not null)))
);
-- At most one open dispute per return: opening it again while it is open is a no-op.
create unique index return_dispute_open_once on return_dispute (return_id) where resolved_at is null;

-- A stage that ran past its SLA and was escalated to the managers; counted once per return and stage.
create table sla_escalation (
    return_id     uuid        not null references return_request (id),
    stage         text        not null check (stage in ('REVIEW', 'INSPECTION', 'REFUND')),
    escalated_at  timestamptz not null,
    primary key (return_id, stage)
);

-- Inspection per line now records the evidence the inspector refers to (photo or document references).
alter table inspection
    add column evidence text[] not null default '{}';

-- A parcel without a known RMA is handled by the warehouse: linked to a return, or kept in quarantine.
alter table parcel_receipt
    add column resolution        text check (resolution in ('LINKED', 'QUARANTINED')),
    add column resolution_notes  text,
    add column resolved_by       text,
    add column resolved_at       timestamptz;

-- Stock booked from a parcel nobody could link to a return references the parcel.
alter table stock_move drop constraint stock_move_reference_type_check;
alter table stock_move add constraint stock_move_reference_type_check check (reference_type in (
    'ORDER', 'RETURN', 'COUNT', 'ADJUSTMENT', 'PURCHASE', 'TRANSFER', 'PARCEL'));
