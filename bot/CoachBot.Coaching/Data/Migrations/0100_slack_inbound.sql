-- Verified Slack requests waiting for their after-the-ack work (a Hangfire job takes the id), so a restart loses nothing.
-- The payload holds message text: it is cleared once the work is done, and only ids stay for the record.
create table slack_inbound (
    id            bigint generated always as identity primary key,
    team_id       text not null,
    kind          text not null check (kind in ('event', 'command', 'action')),
    payload       jsonb,
    received_at   timestamptz not null default now(),
    claimed_at    timestamptz,                 -- a job is working on it; stale claims are taken over
    processed_at  timestamptz,
    outcome       text
);
create index slack_inbound_pending_idx on slack_inbound (received_at) where processed_at is null;
