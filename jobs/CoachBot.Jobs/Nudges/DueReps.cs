using CoachBot.Coaching.Scheduling;
using Npgsql;
using NpgsqlTypes;

namespace CoachBot.Jobs.Nudges;

/// <summary>
/// The dispatcher's SQL. Each call is one short transaction over a bounded batch of rep_schedule rows locked with
/// FOR UPDATE SKIP LOCKED, so dispatchers on several instances split the work instead of waiting or doubling it.
/// </summary>
internal sealed class DueReps(NpgsqlDataSource dataSource)
{
    /// <summary>Fills next_due_at where a schedule change cleared it. Returns how many rows were computed.</summary>
    public async Task<int> RecomputeAsync(DateTimeOffset now, int limit, CancellationToken cancellationToken)
    {
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        var persons = new List<long>();
        var next = new List<DateTime?>();
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
                next.Add(NudgeSlots.Next(ScheduleColumns.Read(reader, 1), now)?.UtcDateTime);
            }
        }

        await AdvanceAsync(connection, transaction, persons, next, cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return persons.Count;
    }

    /// <summary>Claims due reps, writes their ledger rows (once per slot) and advances next_due_at, in one transaction.</summary>
    public async Task<DispatchedBatch> DispatchAsync(DateTimeOffset now, int limit, CancellationToken cancellationToken)
    {
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        var persons = new List<long>();
        var next = new List<DateTime?>();
        var rows = new List<(Guid Id, long Person, long Workspace, string Platform, DateTime Slot)>();
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
                var person = reader.GetInt64(0);
                persons.Add(person);
                next.Add(NudgeSlots.Next(ScheduleColumns.Read(reader, 5), now)?.UtcDateTime);
                // Unreachable reps and disabled workspaces still advance, so they are not reselected every tick.
                if (reader.GetBoolean(4))
                {
                    rows.Add((Guid.CreateVersion7(), person, reader.GetInt64(1), reader.GetString(2), reader.GetFieldValue<DateTime>(3)));
                }
            }
        }

        var created = await InsertAsync(connection, transaction, rows, now, cancellationToken);
        await AdvanceAsync(connection, transaction, persons, next, cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return new DispatchedBatch(persons.Count, created);
    }

    private static async Task<List<NewDelivery>> InsertAsync(
        NpgsqlConnection connection, NpgsqlTransaction transaction,
        List<(Guid Id, long Person, long Workspace, string Platform, DateTime Slot)> rows, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var created = new List<NewDelivery>(rows.Count);
        if (rows.Count == 0)
        {
            return created;
        }

        await using var insert = new NpgsqlCommand("""
            insert into nudge_delivery (id, person_id, workspace_id, platform, kind, slot_at, next_attempt_at)
            select u.id, u.person_id, u.workspace_id, u.platform, 'nudge', u.slot_at, $6
            from unnest($1::uuid[], $2::bigint[], $3::bigint[], $4::text[], $5::timestamptz[]) as u(id, person_id, workspace_id, platform, slot_at)
            on conflict (person_id, slot_at, kind) do nothing
            returning id, workspace_id
            """, connection, transaction);
        insert.Parameters.AddWithValue(rows.Select(r => r.Id).ToArray());
        insert.Parameters.AddWithValue(rows.Select(r => r.Person).ToArray());
        insert.Parameters.AddWithValue(rows.Select(r => r.Workspace).ToArray());
        insert.Parameters.AddWithValue(rows.Select(r => r.Platform).ToArray());
        insert.Parameters.AddWithValue(rows.Select(r => r.Slot).ToArray());
        insert.Parameters.AddWithValue(now.UtcDateTime);
        await using var reader = await insert.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            created.Add(new NewDelivery(reader.GetGuid(0), reader.GetInt64(1)));
        }

        return created;
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
