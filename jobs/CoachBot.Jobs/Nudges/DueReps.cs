using CoachBot.Coaching.Scheduling;
using Npgsql;
using NpgsqlTypes;

namespace CoachBot.Jobs.Nudges;

/// <summary>
/// The dispatcher's SQL. Each call is one short transaction over a bounded batch of rep_schedule rows locked with
/// FOR UPDATE SKIP LOCKED, so dispatchers on several instances split the work instead of waiting or doubling it.
/// A batch costs a fixed number of round trips (its rows travel as arrays), so batches of thousands are cheap.
/// </summary>
internal sealed class DueReps(NpgsqlDataSource dataSource)
{
    /// <summary>Due deliveries not yet sent (pending or mid-send): the dispatcher's backlog gauge.</summary>
    public async Task<long> DueBacklogAsync(DateTimeOffset now, CancellationToken cancellationToken)
    {
        await using var command = dataSource.CreateCommand(
            "select count(*) from nudge_delivery where (status = 'pending' and next_attempt_at <= $1) or status = 'sending'");
        command.Parameters.AddWithValue(now.UtcDateTime);
        return (long)(await command.ExecuteScalarAsync(cancellationToken))!;
    }

    /// <summary>Fills next_due_at where a schedule change cleared it. Returns how many rows were computed.</summary>
    public async Task<int> RecomputeAsync(DateTimeOffset now, int limit, CancellationToken cancellationToken)
    {
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        var persons = new List<long>();
        var next = new List<DateTime?>();
        var slots = new NextSlots(now);
        await using (var select = new NpgsqlCommand($"""
            select s.person_id, {ScheduleColumns.Select} from {ScheduleColumns.From}
            where s.next_due_at is null and not s.stopped
            limit $1 for update of s skip locked
            """, connection, transaction))
        {
            select.Parameters.AddWithValue(limit);
            await using var reader = await select.ExecuteReaderAsync(cancellationToken);
            while (await reader.ReadAsync(cancellationToken))
            {
                persons.Add(reader.GetInt64(0));
                next.Add(slots.For(ScheduleColumns.Read(reader, 1)));
            }
        }

        await AdvanceAsync(connection, transaction, persons, next, cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return persons.Count;
    }

    /// <summary>
    /// Claims due reps, writes their ledger rows (once per slot) and advances next_due_at, in one transaction of three
    /// round trips whatever the batch size: read and lock the batch, one statement that advances every schedule and
    /// inserts every ledger row (unnest arrays), commit. The slot maths runs in memory between the two. A crash at
    /// any point before the commit leaves neither a ledger row nor an advanced schedule, and the rows' locks go with it.
    /// </summary>
    public async Task<DispatchedBatch> DispatchAsync(DateTimeOffset now, int limit, CancellationToken cancellationToken)
    {
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        var claim = new Claim(limit);
        var slots = new NextSlots(now);
        await using (var select = new NpgsqlCommand($"""
            select s.person_id, s.workspace_id, w.platform, s.next_due_at, p.reachable and w.disabled_at is null,
                   {ScheduleColumns.Select}
            from {ScheduleColumns.From}
            where s.next_due_at <= $1 and not s.paused and not s.stopped
            order by s.next_due_at, s.workspace_id limit $2 for update of s skip locked
            """, connection, transaction))
        {
            select.Parameters.AddWithValue(now.UtcDateTime);
            select.Parameters.AddWithValue(limit);
            await using var reader = await select.ExecuteReaderAsync(cancellationToken);
            while (await reader.ReadAsync(cancellationToken))
            {
                // Unreachable reps and disabled workspaces still advance, so they are not reselected every tick.
                claim.Add(
                    reader.GetInt64(0), slots.For(ScheduleColumns.Read(reader, 5)), reader.GetBoolean(4),
                    reader.GetInt64(1), reader.GetString(2), reader.GetFieldValue<DateTime>(3));
            }
        }

        var created = claim.Persons.Count == 0 ? [] : await WriteAsync(connection, transaction, claim, now, cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return new DispatchedBatch(claim.Persons.Count, created);
    }

    // Advance and ledger insert in one statement: either both happen for the whole batch or neither does.
    private static async Task<List<NewDelivery>> WriteAsync(
        NpgsqlConnection connection, NpgsqlTransaction transaction, Claim claim, DateTimeOffset now, CancellationToken cancellationToken)
    {
        // Thousands of ids against a table of many more: the planner's estimate makes a hash join over every
        // rep_schedule row look cheaper than one primary-key probe per claimed row. It is not (a full scan and hash per
        // batch, a few times the probes' cost), and the transaction-local setting goes with the commit.
        await using (var plan = new NpgsqlCommand("set local enable_hashjoin = off; set local enable_mergejoin = off", connection, transaction))
        {
            await plan.ExecuteNonQueryAsync(cancellationToken);
        }

        // No slot at all (paused, no working days) parks the row at infinity; a schedule change sets it back to null.
        await using var write = new NpgsqlCommand("""
            with advanced as (
                update rep_schedule s set next_due_at = coalesce(u.next, 'infinity'), updated_at = now()
                from unnest($1::bigint[], $2::timestamptz[]) as u(person_id, next)
                where s.person_id = u.person_id)
            insert into nudge_delivery (id, person_id, workspace_id, platform, kind, slot_at, next_attempt_at)
            select u.id, u.person_id, u.workspace_id, u.platform, 'nudge', u.slot_at, $8
            from unnest($3::uuid[], $4::bigint[], $5::bigint[], $6::text[], $7::timestamptz[]) as u(id, person_id, workspace_id, platform, slot_at)
            on conflict (person_id, slot_at, kind) do nothing
            returning id, workspace_id
            """, connection, transaction);
        write.Parameters.AddWithValue(claim.Persons.ToArray());
        write.Parameters.Add(new NpgsqlParameter { Value = claim.Next.ToArray(), NpgsqlDbType = NpgsqlDbType.Array | NpgsqlDbType.TimestampTz });
        write.Parameters.AddWithValue(claim.Ids.ToArray());
        write.Parameters.AddWithValue(claim.Recipients.ToArray());
        write.Parameters.AddWithValue(claim.Workspaces.ToArray());
        write.Parameters.AddWithValue(claim.Platforms.ToArray());
        write.Parameters.Add(new NpgsqlParameter { Value = claim.Slots.ToArray(), NpgsqlDbType = NpgsqlDbType.Array | NpgsqlDbType.TimestampTz });
        write.Parameters.AddWithValue(now.UtcDateTime);
        var created = new List<NewDelivery>(claim.Ids.Count);
        await using var reader = await write.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            created.Add(new NewDelivery(reader.GetGuid(0), reader.GetInt64(1)));
        }

        return created;
    }

    // One claim batch as columns, ready to bind as unnest() arrays.
    private sealed class Claim(int capacity)
    {
        public List<long> Persons { get; } = new(capacity);

        public List<DateTime?> Next { get; } = new(capacity);

        public List<Guid> Ids { get; } = new(capacity);

        public List<long> Recipients { get; } = new(capacity);

        public List<long> Workspaces { get; } = new(capacity);

        public List<string> Platforms { get; } = new(capacity);

        public List<DateTime> Slots { get; } = new(capacity);

        public void Add(long person, DateTime? next, bool deliver, long workspace, string platform, DateTime slot)
        {
            Persons.Add(person);
            Next.Add(next);
            if (deliver)
            {
                Ids.Add(Guid.CreateVersion7());
                Recipients.Add(person);
                Workspaces.Add(workspace);
                Platforms.Add(platform);
                Slots.Add(slot);
            }
        }
    }

    private static async Task AdvanceAsync(
        NpgsqlConnection connection, NpgsqlTransaction transaction, List<long> persons, List<DateTime?> next, CancellationToken cancellationToken)
    {
        if (persons.Count == 0)
        {
            return;
        }

        // No slot at all (paused, no working days) parks the row at infinity; a schedule change sets it back to null.
        await using var update = new NpgsqlCommand("""
            update rep_schedule s set next_due_at = coalesce(u.next, 'infinity'), updated_at = now()
            from unnest($1::bigint[], $2::timestamptz[]) as u(person_id, next)
            where s.person_id = u.person_id
            """, connection, transaction);
        update.Parameters.AddWithValue(persons.ToArray());
        update.Parameters.Add(new NpgsqlParameter { Value = next.ToArray(), NpgsqlDbType = NpgsqlDbType.Array | NpgsqlDbType.TimestampTz });
        await update.ExecuteNonQueryAsync(cancellationToken);
    }
}

internal sealed record NewDelivery(Guid Id, long WorkspaceId);

internal sealed record DispatchedBatch(int Claimed, IReadOnlyList<NewDelivery> Created);
