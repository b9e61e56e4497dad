-- Each rep's own event: 1 to 3 personal targets per period, the progress logged against them, a manager's proposals,
-- and the pace, target and record notices already sent (once each). Private to the rep: no other rep ever reads these,
-- the brief shows a manager only their own reps, and `delete my data` removes every row.

create table rep_goal (
    id          bigint generated always as identity primary key,
    person_id   bigint not null references person(id) on delete cascade,
    metric      text not null check (metric in ('calls', 'meetings', 'demos', 'stakeholders', 'proposals', 'pipeline', 'deals')),
    period      text not null check (period in ('day', 'week', 'month', 'quarter')),
    target      integer not null check (target between 1 and 1000000000),
    set_by      text not null check (set_by in ('self', 'onboarding', 'manager')),
    set_at      timestamptz not null,
    removed_at  timestamptz                      -- replaced or removed; kept so past periods keep the target they had
);
create unique index rep_goal_active_idx on rep_goal (person_id, metric) where removed_at is null;
create index rep_goal_person_idx on rep_goal (person_id, metric, set_at);

-- One row per logged amount. source says who logged it: the rep typing, a button on a nudge, or (later) a CRM feed,
-- whose source_ref makes a replayed import count once.
create table goal_progress (
    id           bigint generated always as identity primary key,
    person_id    bigint not null references person(id) on delete cascade,
    metric       text not null check (metric in ('calls', 'meetings', 'demos', 'stakeholders', 'proposals', 'pipeline', 'deals')),
    amount       integer not null check (amount between 1 and 1000000000),
    occurred_on  date not null,                  -- the rep's local date
    source       text not null check (source in ('typed', 'button', 'crm')),
    source_ref   text,
    logged_at    timestamptz not null
);
create index goal_progress_person_idx on goal_progress (person_id, metric, occurred_on);
create unique index goal_progress_source_ref_idx on goal_progress (person_id, source, source_ref) where source_ref is not null;

create table goal_proposal (
    id           bigint generated always as identity primary key,
    person_id    bigint not null references person(id) on delete cascade,
    proposed_by  bigint references person(id) on delete set null,
    metric       text not null check (metric in ('calls', 'meetings', 'demos', 'stakeholders', 'proposals', 'pipeline', 'deals')),
    period       text not null check (period in ('day', 'week', 'month', 'quarter')),
    target       integer not null check (target between 1 and 1000000000),
    status       text not null default 'open' check (status in ('open', 'accepted', 'declined')),
    proposed_at  timestamptz not null,
    decided_at   timestamptz
);
create index goal_proposal_person_idx on goal_proposal (person_id, status);

-- The claim that makes each notice go out once: the midpoint pace, the target hit, a new best, a record run.
create table goal_notice (
    person_id     bigint not null references person(id) on delete cascade,
    kind          text not null check (kind in ('pace', 'target', 'record', 'run')),
    metric        text not null,
    period_start  date not null,
    sent_at       timestamptz not null,
    primary key (person_id, kind, metric, period_start)
);
