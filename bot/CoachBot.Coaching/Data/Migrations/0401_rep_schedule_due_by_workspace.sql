-- The dispatcher claims due reps in (next_due_at, workspace_id) order so one claim round holds whole runs of a
-- workspace: send batches (one workspace each) come out full instead of a few ids from every workspace.
create index rep_schedule_due_workspace_idx on rep_schedule (next_due_at, workspace_id) where not paused and not stopped;
