-- The rep's coaching profile and schedule, shared by the conversation (which edits it) and the dispatcher
-- (which reads it). Whoever changes a schedule field sets next_due_at = null; the dispatcher recomputes it.
create table rep_profile (
    person_id        bigint primary key references person(id) on delete cascade,
    style            text check (style in ('driver', 'expressive', 'amiable', 'analytical')),  -- null = not yet known
    style_source     text not null default 'unknown' check (style_source in ('unknown', 'quiz', 'self', 'manager')),
    race             text not null default 'middle' check (race in ('sprint', 'middle', 'distance')),
    focus_skills     text[] not null default '{}',
    experience       text not null default 'newer' check (experience in ('newer', 'experienced')),
    goals            text,
    onboarding_step  text not null default 'welcome',   -- welcome | quiz | race | focus | hours | done
    onboarded_at     timestamptz,
    updated_at       timestamptz not null default now()
);

create table rep_schedule (
    person_id        bigint primary key references person(id) on delete cascade,
    workspace_id     bigint not null references workspace(id),
    working_days     smallint[] not null default '{1,2,3,4,5}', -- ISO: 1 = Monday … 7 = Sunday
    day_start        time not null default '09:00',
    day_end          time not null default '17:30',
    send_times       time[] not null default '{09:30}',        -- local times a nudge may go out
    cadence          text,                                     -- null = from race; 'daily' | 'three_weekly' | 'weekly'
    quiet_start      time,
    quiet_end        time,
    holiday_country  text,                                     -- ISO 3166 code for public holidays, null = none
    vacation_from    date,
    vacation_until   date,
    snoozed_until    timestamptz,
    paused           boolean not null default false,
    stopped          boolean not null default false,
    next_due_at      timestamptz,                              -- null = recompute
    updated_at       timestamptz not null default now()
);
create index rep_schedule_due_idx on rep_schedule (next_due_at) where not paused and not stopped;
create index rep_schedule_recompute_idx on rep_schedule (person_id) where next_due_at is null and not stopped;
