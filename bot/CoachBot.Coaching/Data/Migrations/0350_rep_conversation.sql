-- The rep-facing conversation: private free-text replies, nudge responses (also the "learning what works"
-- record), escalation offers (nothing travels to a manager without the rep's explicit yes), and pause/snooze
-- periods so streaks can skip them. Managers never read rep_reply; `delete my data` removes these rows.

create table rep_reply (
    id               bigint generated always as identity primary key,
    person_id        bigint not null references person(id) on delete cascade,
    body             text not null,                -- at most 4,000 chars (RepReplyStore.MaxStoredLength); the rep is told when cut
    original_length  integer not null,
    truncated        boolean not null default false,
    received_at      timestamptz not null
);
create index rep_reply_person_idx on rep_reply (person_id, received_at);

-- One row per delivery; every button press updates it idempotently (first answer time wins).
create table nudge_response (
    delivery_id        uuid primary key,
    person_id          bigint not null references person(id) on delete cascade,
    rendered_style     text check (rendered_style in ('driver', 'expressive', 'amiable', 'analytical')),
    sent_at            timestamptz,                -- copied from the delivery ledger / nudge_history when known
    first_answered_at  timestamptz not null,
    done_at            timestamptz,
    snoozed_at         timestamptz,
    help_at            timestamptz,
    rating             smallint check (rating between 1 and 5),
    rated_at           timestamptz
);
create index nudge_response_person_idx on nudge_response (person_id, first_answered_at);

create table escalation_offer (
    delivery_id     uuid not null,
    reason          text not null check (reason in ('need_help', 'low_confidence')),
    person_id       bigint not null references person(id) on delete cascade,
    status          text not null default 'offered' check (status in ('offered', 'awaiting_note', 'shared', 'declined')),
    escalation_ref  text,
    note_shared     boolean not null default false,
    offered_at      timestamptz not null,
    decided_at      timestamptz,
    primary key (delivery_id, reason)
);
create index escalation_offer_awaiting_idx on escalation_offer (person_id, decided_at) where status = 'awaiting_note';

create table rep_pause_period (
    id         bigint generated always as identity primary key,
    person_id  bigint not null references person(id) on delete cascade,
    kind       text not null check (kind in ('pause', 'snooze', 'stop')),
    from_at    timestamptz not null,
    until_at   timestamptz                         -- null = still open
);
create index rep_pause_period_person_idx on rep_pause_period (person_id, from_at);

-- Learning what works: per rep and rendered style, how many nudges were answered and how fast.
-- Unanswered deliveries live in the delivery ledger; join on delivery_id for answer rates.
create view nudge_response_by_style as
select person_id,
       rendered_style,
       count(*) as answered,
       percentile_cont(0.5) within group (order by extract(epoch from first_answered_at - sent_at))
           filter (where sent_at is not null) as median_seconds_to_answer
from nudge_response
group by person_id, rendered_style;
