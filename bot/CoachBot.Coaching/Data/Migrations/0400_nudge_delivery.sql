-- Delivery ledger: one row per (rep, slot, kind). The unique key makes creation exactly-once across dispatchers;
-- status + lease make sending idempotent. Statuses: pending -> sending -> sent | failed | expired | unknown.
create table nudge_delivery (
    id                  uuid primary key,
    person_id           bigint not null references person(id) on delete cascade,
    workspace_id        bigint not null references workspace(id),
    platform            text not null check (platform in ('slack', 'teams')),
    kind                text not null default 'nudge' check (kind in ('nudge', 'follow_up')),
    slot_at             timestamptz not null,                 -- the scheduled occurrence (UTC)
    parent_id           uuid references nudge_delivery(id),   -- the nudge a follow-up follows
    status              text not null default 'pending'
                        check (status in ('pending', 'sending', 'sent', 'failed', 'expired', 'unknown')),
    attempts            integer not null default 0,
    claimed_by          text,
    claimed_until       timestamptz,                          -- lease: past it, a 'sending' row was abandoned
    next_attempt_at     timestamptz not null default now(),
    reconcile           boolean not null default false,       -- a previous attempt may have reached the platform
    in_flight_at        timestamptz,                          -- set just before the platform call where no read-back exists
    provider_message_id text,                                 -- Slack ts or Teams activity id
    provider_channel_id text,
    last_error          text,                                 -- platform error code only, never message text
    sent_at             timestamptz,
    follow_up_due_at    timestamptz,                          -- set when a nudge is sent; cleared once followed up
    answered_at         timestamptz,
    created_at          timestamptz not null default now(),
    updated_at          timestamptz not null default now(),
    unique (person_id, slot_at, kind)
);
create unique index nudge_delivery_one_follow_up_idx on nudge_delivery (parent_id) where parent_id is not null;
create index nudge_delivery_pending_idx on nudge_delivery (next_attempt_at) where status = 'pending';
create index nudge_delivery_lease_idx on nudge_delivery (claimed_until) where status = 'sending';
create index nudge_delivery_follow_up_idx on nudge_delivery (follow_up_due_at)
    where kind = 'nudge' and status = 'sent' and follow_up_due_at is not null and answered_at is null;
create index nudge_delivery_person_idx on nudge_delivery (person_id, slot_at desc);
