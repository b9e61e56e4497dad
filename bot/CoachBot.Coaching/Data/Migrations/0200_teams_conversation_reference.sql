-- Teams conversation references: what CoachBot needs to message a person or channel later without a live turn.
-- Written from validated inbound activities only (so service_url is trusted), refreshed on every activity.
create table teams_conversation_reference (
    tenant_id          text not null,
    conversation_id    text not null,               -- a:… (personal), 19:…@thread.tacv2 (channel), 19:…@thread.v2 (group)
    conversation_type  text not null check (conversation_type in ('personal', 'channel', 'groupChat')),
    service_url        text not null,
    bot_id             text not null,               -- 28:<appId>
    user_id            text,                        -- 29:… for personal conversations
    aad_object_id      text,                        -- the person's Entra object id (CoachBot's person key)
    team_id            text,                        -- channels: the team (its General channel has the same id)
    reachable          boolean not null default true,
    unreachable_reason text,
    unreachable_since  timestamptz,
    updated_at         timestamptz not null default now(),
    primary key (tenant_id, conversation_id)
);
create index teams_reference_person_idx on teams_conversation_reference (tenant_id, aad_object_id) where conversation_type = 'personal';

-- Every user the bot has seen (in any conversation), so a 1:1 chat can be opened proactively when none is stored.
create table teams_member (
    tenant_id      text not null,
    aad_object_id  text not null,
    user_id        text not null,                   -- 29:… bot-specific id, needed to create a conversation
    service_url    text not null,
    bot_id         text not null,
    updated_at     timestamptz not null default now(),
    primary key (tenant_id, aad_object_id)
);
