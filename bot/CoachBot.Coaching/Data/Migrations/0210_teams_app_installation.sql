-- Installing the Teams app for a person through Microsoft Graph, so CoachBot can message people who never opened it.
-- One row per person: the last outcome and its reason, for the admin's `unreachable` list. run_id and claimed_until let
-- several instances (and re-runs) share the work without installing for anyone twice at once.
create table teams_app_installation (
    person_id     bigint primary key references person(id) on delete cascade,
    state         text not null check (state in ('installing', 'installed', 'failed')),
    reason        text,                              -- graph:user-not-found, graph:permission-missing, …
    chat_id       text,                              -- 19:…@unq.gbl.spaces once known
    run_id        uuid not null,
    claimed_until timestamptz,
    attempts      integer not null default 1,
    updated_at    timestamptz not null default now()
);
