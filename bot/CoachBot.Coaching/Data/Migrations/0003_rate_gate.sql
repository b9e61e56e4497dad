-- Shared send pacing: one row per limited key ("slack:T123:post", "teams:tenant"), used by every instance.
-- next_at is the earliest moment the next call may start; each caller takes a slot by pushing it forward.
create table rate_gate (
    key      text primary key,
    next_at  timestamptz not null default now()
);
