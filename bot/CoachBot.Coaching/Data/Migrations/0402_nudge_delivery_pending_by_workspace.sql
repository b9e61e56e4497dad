-- A send job that still holds a workspace's rate picks up that workspace's other due deliveries.
create index nudge_delivery_pending_workspace_idx on nudge_delivery (workspace_id, next_attempt_at) where status = 'pending';
