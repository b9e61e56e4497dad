-- Using the CRM data (issue 16): the deal a deal-aware nudge was about (so a retried delivery says the same words),
-- the metrics a rep no longer logs by hand (told once), and the race suggested from their won deals (once per change).
-- All private to the rep; `delete my data` removes every row.

create table nudge_deal_fact (
    delivery_id       uuid primary key,
    person_id         bigint not null references person(id) on delete cascade,
    deal_external_id  text not null,
    deal_name         text not null,
    stage             text not null,
    days              integer not null,
    moves             integer not null,
    recorded_at       timestamptz not null
);
create index nudge_deal_fact_person_idx on nudge_deal_fact (person_id);

create table crm_fed_metric (
    person_id  bigint not null references person(id) on delete cascade,
    metric     text not null check (metric in ('calls', 'meetings', 'demos', 'stakeholders', 'proposals', 'pipeline', 'deals')),
    told_at    timestamptz not null,
    primary key (person_id, metric)
);

create table crm_race_suggestion (
    person_id     bigint primary key references person(id) on delete cascade,
    race          text not null check (race in ('sprint', 'middle', 'distance')),
    from_race     text not null check (from_race in ('sprint', 'middle', 'distance')),
    median_days   integer not null,
    won_deals     integer not null,
    suggested_at  timestamptz not null,
    status        text not null default 'open' check (status in ('open', 'accepted', 'kept')),
    decided_at    timestamptz
);

-- A deal's last activity, when the CRM does not state it on the deal: the pipeline read model looks it up per deal.
create index crm_activity_deal_idx on crm_activity (connection_id, deal_external_id, occurred_at) where deal_external_id is not null;
