-- Demo mode's clock offset (the "fast-forward"), one row, so a restarted demo carries on at the time it had reached.
-- Only demo mode reads or writes it; production leaves it empty.
create table demo_clock (
    id            boolean primary key default true check (id),
    offset_ticks  bigint not null check (offset_ticks >= 0),
    updated_at    timestamptz not null default now()
);
