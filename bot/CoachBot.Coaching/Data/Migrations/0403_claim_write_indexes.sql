-- Indexes the dispatcher's claim writes on every row and no query needs (issue 14: a tick of 100,000 reps). Each claimed
-- rep advances rep_schedule.next_due_at (an indexed column, so not a HOT update: every index on the table takes an
-- insert) and gets one nudge_delivery row (every index takes an insert).
-- rep_schedule_due_workspace_idx (next_due_at, workspace_id), same predicate, answers everything rep_schedule_due_idx
-- did: the claim's range scan and min(next_due_at).
drop index if exists rep_schedule_due_idx;
-- The unique key (person_id, slot_at, kind) answers every per-person lookup, newest first by a backward scan.
drop index if exists nudge_delivery_person_idx;
