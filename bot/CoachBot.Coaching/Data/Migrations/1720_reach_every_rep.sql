-- Reaching people known only by a roster email, and the same human on Slack and Teams (issue 18).
-- roster_install: `install teams` turning a roster row into a person through Graph (look the email up, register,
-- install). Claimed like teams_app_installation so re-runs and several instances resolve each row once at a time; a
-- failed row keeps its reason for `unreachable`.
create table roster_install (
    workspace_id  bigint not null,
    email         text not null,
    state         text not null check (state in ('resolving', 'resolved', 'failed')),
    reason        text,                              -- graph:not-in-tenant, graph:user-read-missing, …
    person_id     bigint references person(id) on delete set null,
    run_id        uuid not null,
    claimed_until timestamptz,
    attempts      integer not null default 1,
    updated_at    timestamptz not null default now(),
    primary key (workspace_id, email),
    foreign key (workspace_id, email) references roster_entry (workspace_id, email) on delete cascade
);

-- The same human is one person row per workspace; lower(email) finds their rows on the other platform.
create index person_any_workspace_email_idx on person (lower(email)) where email is not null and email <> '';

-- The managers' "can no longer reach" notice, once per loss of a human on every platform they use. lost_at is the
-- latest change among their rows when the notice went: a retried job finds the same and stays quiet.
create table reach_loss_notice (
    subject     text primary key,                    -- email:<lower email>, or person:<id> without one
    lost_at     timestamptz not null,
    notified_at timestamptz not null default now()
);
