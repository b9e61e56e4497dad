-- CRM context (issue 16): one connection per workspace and CRM, the sync cursors, the CRM's owners matched to people by
-- email, and per owner their deals and activities. Deal data is private to the rep and their manager chain: nothing
-- here is ever shown in a channel or to another rep. `delete my data` removes a rep's rows and sets crm_owner.excluded,
-- so the next sync does not bring them back.

create table crm_connection (
    id            bigint generated always as identity primary key,
    workspace_id  bigint not null references workspace(id) on delete cascade,
    kind          text not null check (kind in ('hubspot', 'salesforce', 'csv')),
    base_url      text,                            -- API root; null = the CRM's public default (tests point it at a fake)
    secret        text,                            -- sealed credentials (AES-GCM "v1.…"), e.g. OAuth refresh tokens; null when they come from configuration
    created_by    bigint references person(id) on delete set null,
    created_at    timestamptz not null,
    status        text not null default 'active' check (status in ('active', 'paused', 'failed')),
    last_error    text,                            -- what the admin must do, in words; never a token or a body
    last_sync_at  timestamptz,
    unique (workspace_id, kind)
);

-- Where each object's sync stands. modified_since is null until the first full load has completed; next_page is the
-- connector's page token of a load in progress (HubSpot `after`, Salesforce `nextRecordsUrl`), so a restart resumes.
create table crm_sync_state (
    connection_id   bigint not null references crm_connection(id) on delete cascade,
    object          text not null check (object in ('owners', 'deals', 'activities')),
    modified_since  timestamptz,
    next_page       text,
    run_started_at  timestamptz,
    lease_until     timestamptz,                   -- one instance syncs a connection at a time
    lease_owner     text,
    primary key (connection_id, object)
);

create table crm_owner (
    connection_id  bigint not null references crm_connection(id) on delete cascade,
    external_id    text not null,
    email          text,                           -- stored lower-case
    name           text,
    person_id      bigint references person(id) on delete set null,   -- matched by email, never guessed
    excluded       boolean not null default false, -- the rep deleted their data: keep them unmatched
    primary key (connection_id, external_id)
);
create index crm_owner_person_idx on crm_owner (person_id) where person_id is not null;

create table crm_deal (
    connection_id      bigint not null references crm_connection(id) on delete cascade,
    external_id        text not null,
    owner_external_id  text,
    name               text not null,
    amount             numeric(18, 2),
    currency           text,
    stage              text not null,              -- the CRM's stage label
    status             text not null check (status in ('open', 'won', 'lost')),
    close_date         date,
    close_date_moves   integer not null default 0, -- times the close date changed after it was first seen
    created_at_crm     timestamptz not null,
    stage_changed_at   timestamptz,                -- when it entered its current stage (the CRM's, else when the sync saw the change)
    closed_at          timestamptz,
    last_activity_at   timestamptz,
    modified_at        timestamptz not null,
    synced_at          timestamptz not null,
    primary key (connection_id, external_id)
);
create index crm_deal_owner_idx on crm_deal (connection_id, owner_external_id, status);

create table crm_activity (
    connection_id      bigint not null references crm_connection(id) on delete cascade,
    external_id        text not null,
    kind               text not null check (kind in ('call', 'email', 'meeting', 'task', 'note')),
    owner_external_id  text,
    deal_external_id   text,
    occurred_at        timestamptz not null,
    modified_at        timestamptz not null,
    primary key (connection_id, external_id)
);
create index crm_activity_owner_idx on crm_activity (connection_id, owner_external_id, occurred_at);
