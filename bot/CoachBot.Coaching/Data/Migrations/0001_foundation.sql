-- Foundation: workspaces (a Slack team or a Teams tenant), the people CoachBot knows, inbound dedupe, audit.
-- Feature migrations take their own number range: 01xx Slack, 02xx Teams, 03xx coaching, 04xx scheduling,
-- 05xx escalations, 06xx demo. DbUp applies scripts in name order, once each, journaled in public.schemaversions.

create table workspace (
    id               bigint generated always as identity primary key,
    platform         text not null check (platform in ('slack', 'teams')),
    external_id      text not null,               -- Slack team id (T…) or Teams tenant id
    name             text,
    bot_user_id      text,
    manager_channel_id text,                      -- the one channel escalations may go to
    disabled_at      timestamptz,                 -- app_uninstalled / tokens_revoked / token fatal
    disabled_reason  text,
    created_at       timestamptz not null default now(),
    unique (platform, external_id)
);

create table person (
    id               bigint generated always as identity primary key,
    workspace_id     bigint not null references workspace(id),
    platform_user_id text not null,               -- Slack U…/W…, Teams AAD object id
    email            text,
    display_name     text not null default '',
    role             text not null default 'rep' check (role in ('rep', 'manager', 'admin')),
    manager_id       bigint references person(id),
    time_zone        text not null default 'UTC', -- IANA id
    time_zone_source text not null default 'default' check (time_zone_source in ('default', 'platform', 'override')),
    locale           text not null default 'en-US',
    reachable        boolean not null default true,
    unreachable_reason text,
    created_at       timestamptz not null default now(),
    updated_at       timestamptz not null default now(),
    unique (workspace_id, platform_user_id)
);
create index person_manager_idx on person (manager_id);
create index person_email_idx on person (workspace_id, lower(email));

-- Inbound events processed once, across instances: Slack event_id, Teams activity id, interaction ids.
create table processed_event (
    platform     text not null,
    event_id     text not null,
    received_at  timestamptz not null default now(),
    primary key (platform, event_id)
);
create index processed_event_received_idx on processed_event (received_at);

-- Who did what to whom, when: manager actions, refusals, data shown to managers.
create table audit_entry (
    id           bigint generated always as identity primary key,
    at           timestamptz not null default now(),
    actor_id     bigint references person(id),
    action       text not null,
    subject_id   bigint references person(id),
    outcome      text not null default 'ok' check (outcome in ('ok', 'refused')),
    detail       text
);
create index audit_entry_subject_idx on audit_entry (subject_id, at);
create index audit_entry_actor_idx on audit_entry (actor_id, at);
