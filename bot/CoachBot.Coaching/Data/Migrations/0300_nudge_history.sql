-- What each rep was sent and how they answered: selection avoids repeats from it, and "learning what works"
-- reports answer rates, speed and confidence per rep and style rendering. One row per delivery.
create table nudge_history (
    id               bigint generated always as identity primary key,
    person_id        bigint not null references person(id) on delete cascade,
    delivery_id      uuid not null unique,
    intent_id        text not null,
    library_version  integer not null,
    style            text not null check (style in ('driver', 'expressive', 'amiable', 'analytical')),
    style_assumed    boolean not null default false,   -- rep's style unknown; the default rendering was used
    skill            text not null,
    sent_at          timestamptz not null,
    answered_at      timestamptz,                      -- first response of any kind
    response         text check (response in ('done', 'snoozed', 'need_help', 'rated', 'replied')),
    confidence       smallint check (confidence between 1 and 5),
    response_seconds integer                           -- answered_at - sent_at, kept for cheap reporting
);
create index nudge_history_person_idx on nudge_history (person_id, sent_at desc);
