-- Escalations: a rep's request for their manager as a work item with an owner, states and deadlines.
-- The short id shown to people is "E-{id}". Shared words are stored raw and escaped by the renderers.
create table escalation (
    id                   bigint generated always as identity primary key,
    workspace_id         bigint not null references workspace(id),
    rep_id               bigint not null references person(id),
    owner_id             bigint references person(id),       -- the rep's manager when raised; reassign changes it
    reason               text not null check (reason in ('need_help', 'low_confidence', 'missed_nudges', 'keyword')),
    severity             text not null check (severity in ('low', 'medium', 'high')),
    shared_text          text,                               -- only what the rep agreed to share
    state                text not null default 'open' check (state in ('open', 'acknowledged', 'resolved')),
    idempotency_key      text not null unique,
    created_at           timestamptz not null,
    acknowledged_at      timestamptz,
    acknowledged_by      bigint references person(id),
    resolved_at          timestamptz,
    resolved_by          bigint references person(id),
    resolution_note      text,
    snoozed_until        timestamptz,
    reassigned_at        timestamptz,
    channel_conversation_id text,                            -- where the card was posted (the managers' channel)
    channel_message_id   text,                               -- Slack ts / Teams activity id, to update the card in place
    ack_due_at           timestamptz,
    skip_level_due_at    timestamptz,
    reminded_at          timestamptz,
    skip_level_at        timestamptz,
    skip_level_owner_id  bigint references person(id),
    reminder_job_id      text,
    skip_level_job_id    text
);
create index escalation_owner_idx on escalation (owner_id, state);
create index escalation_rep_idx on escalation (rep_id, created_at);
create index escalation_workspace_idx on escalation (workspace_id, state);

-- Managers' private notes on an escalation (never sent to the rep).
create table escalation_note (
    id             bigint generated always as identity primary key,
    escalation_id  bigint not null references escalation(id) on delete cascade,
    author_id      bigint not null references person(id),
    text           text not null,
    at             timestamptz not null
);
create index escalation_note_idx on escalation_note (escalation_id);

-- Words that raise an escalation when they appear in a reply the rep chose to share.
create table escalation_keyword (
    workspace_id   bigint not null references workspace(id),
    keyword        text not null,
    primary key (workspace_id, keyword)
);

-- Suggested 1:1 openers for the weekly brief, worded for the rep's style.
create table one_on_one_opener (
    id     int generated always as identity primary key,
    style  text not null check (style in ('driver', 'expressive', 'amiable', 'analytical', 'unknown')),
    text   text not null
);
insert into one_on_one_opener (style, text) values
    ('driver', 'What is the one result you want from this week, and what is in the way?'),
    ('driver', 'Two options for this week''s focus: pipeline or closing. Which one?'),
    ('expressive', 'What was the best conversation you had this week? Tell me the story.'),
    ('expressive', 'Who did you connect with this week that got you excited?'),
    ('amiable', 'How are you doing this week, really? Anything I can take off your plate?'),
    ('amiable', 'What felt good this week, and where would a bit of support help?'),
    ('analytical', 'Walk me through your numbers this week: what changed, and what do you think explains it?'),
    ('analytical', 'Which of your current approaches would you like to test or measure next?'),
    ('unknown', 'What went well this week, and what would you like help with?');

-- Weekly briefs sent, so a replayed recurring run does not send the same week twice.
create table weekly_brief_sent (
    owner_id    bigint not null references person(id),
    week_start  date not null,
    sent_at     timestamptz not null,
    primary key (owner_id, week_start)
);
