-- Every instance keeps a small cache of people, their profile and their workspace's settings (issue 14), so a known
-- person's request needs no registration round trip. Any writer on any instance (commands, imports, jobs marking a
-- rep unreachable, a psql session) invalidates it through these triggers: the change is announced on channel
-- coachbot_cache after commit as '<table>:<id>:<xid>'. The xid (low 32 bits, as xmin shows it) lets the instance that
-- made the write keep the row it already read back instead of throwing it away.
create function coachbot_cache_notify() returns trigger language plpgsql as $$
declare
    row_id bigint;
begin
    if tg_table_name = 'rep_profile' then
        row_id := case when tg_op = 'DELETE' then old.person_id else new.person_id end;
    else
        row_id := case when tg_op = 'DELETE' then old.id else new.id end;
    end if;
    perform pg_notify('coachbot_cache', tg_table_name || ':' || row_id || ':' || (txid_current() % 4294967296));
    return null;
end;
$$;

-- Inserts of people and workspaces need no announcement: an instance that has not seen a row has nothing cached.
create trigger person_cache_notify after update or delete on person
    for each row execute function coachbot_cache_notify();
create trigger workspace_cache_notify after update or delete on workspace
    for each row execute function coachbot_cache_notify();
-- A profile insert matters: the cache remembers that a manager has none (they are routed to the manager side).
create trigger rep_profile_cache_notify after insert or update or delete on rep_profile
    for each row execute function coachbot_cache_notify();
