-- Roster rows imported for people CoachBot has not met yet; applied when they first talk to the bot.
create table roster_entry (
    workspace_id   bigint not null references workspace(id),
    email          text not null,               -- stored lower-case
    display_name   text,
    role           text not null check (role in ('rep', 'manager', 'admin')),
    manager_email  text,
    time_zone      text,
    imported_at    timestamptz not null,
    primary key (workspace_id, email)
);
