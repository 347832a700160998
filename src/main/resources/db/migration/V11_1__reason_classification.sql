-- Reason classification (docs/ai.md): what the classifier suggested for each line of a return with a customer
-- message, what became of the suggestion, and what the inspector later found.
create table return_line_reason (
    return_id                 uuid          not null,
    line_no                   integer       not null,
    -- The code the customer gave; null when they gave none. Never overwritten by a suggestion.
    customer_code             text,
    suggested_code            text          not null,
    confidence                numeric(5, 4) not null check (confidence between 0 and 1),
    -- The three most likely codes, best first: [{"reasonCode": "...", "confidence": 0.71}, ...]
    alternatives              jsonb         not null,
    language                  text          not null,
    model_version             text          not null,
    -- APPLIED: the line took the suggestion; REVIEW_NEEDED: too unsure, support chooses; REVIEWED: support chose;
    -- AGREES, DISAGREES: the customer's code against a confident suggestion; UNSURE: a customer's code and an
    -- unsure, different suggestion (nothing to flag).
    outcome                   text          not null check (outcome in (
                                  'APPLIED', 'REVIEW_NEEDED', 'REVIEWED', 'AGREES', 'DISAGREES', 'UNSURE')),
    classified_at             timestamptz   not null,
    reviewed_code             text,
    reviewed_by               text,
    reviewed_at               timestamptz,
    -- The inspector's "reason confirmed" finding, against the customer's code and against the suggestion; null
    -- when the finding says nothing about it (no customer code; a rejected reason that was not the suggestion).
    inspection_confirms_customer_code boolean,
    inspection_confirms_suggestion    boolean,
    primary key (return_id, line_no),
    foreign key (return_id, line_no) references return_line (return_id, line_no)
);

-- Every reason code a person set or confirmed for a customer's message (review, inspection): labelled examples for
-- retraining the classifier. Append-only; one per line and source, so a repeated step adds nothing.
create table reason_label (
    id            bigint generated always as identity primary key,
    return_id     uuid        not null,
    line_no       integer     not null,
    source        text        not null check (source in ('REVIEW', 'INSPECTION')),
    message       text        not null,
    language      text        not null,
    reason_code   text        not null,
    labelled_by   text        not null,
    labelled_at   timestamptz not null,
    unique (return_id, line_no, source),
    foreign key (return_id, line_no) references return_line (return_id, line_no)
);

-- The versions of the AI models, with their scores on the held-out set. One ACTIVE version per model.
create table ai_model_version (
    model               text          not null,
    version             text          not null,
    status              text          not null check (status in ('ACTIVE', 'RETIRED', 'REJECTED')),
    trained_at          timestamptz   not null,
    trained_by          text          not null,
    training_messages   integer       not null,
    -- The labelled examples (reason_label ids up to this one) the version was trained on besides the shipped set.
    last_label_id       bigint,
    macro_f1            numeric(5, 4) not null,
    accuracy            numeric(5, 4) not null,
    macro_f1_by_language jsonb        not null,
    primary key (model, version)
);
create unique index ai_model_version_one_active on ai_model_version (model) where status = 'ACTIVE';
