using CoachBot.Coaching.People;
using Dapper;
using Npgsql;

namespace CoachBot.Coaching.Managers;

public sealed record RosterImportResult(int Matched, int Pending, int ManagersLinked);

/// <summary>
/// Applies roster rows by email within one workspace, in one transaction. People CoachBot has not met yet are kept
/// in roster_entry and applied by <see cref="ApplyPendingAsync"/> when they first talk to the bot.
/// </summary>
public sealed class RosterImport(NpgsqlDataSource dataSource, TimeProvider clock)
{
    public async Task<RosterImportResult> ImportAsync(Person admin, IReadOnlyList<RosterRow> rows, CancellationToken cancellationToken)
    {
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        var now = clock.GetUtcNow().UtcDateTime;
        int matched = 0, pending = 0, linked = 0;
        foreach (var row in rows)
        {
            // An admin never demotes themselves by import: that would lock the workspace out.
            var role = row.Email == admin.Email?.ToLowerInvariant() ? admin.Role.ToString().ToLowerInvariant() : row.Role;
            var updated = await connection.ExecuteAsync(new CommandDefinition("""
                update person set role = @role,
                    display_name = case when display_name = '' and @name is not null then @name else display_name end,
                    time_zone = coalesce(@zone, time_zone),
                    time_zone_source = case when @zone is null then time_zone_source else 'override' end,
                    updated_at = @now
                where workspace_id = @workspaceId and lower(email) = @email
                """, new { role, name = row.Name, zone = row.TimeZone, now, workspaceId = admin.WorkspaceId, email = row.Email }, transaction,
                cancellationToken: cancellationToken));
            if (updated > 0)
            {
                matched++;
            }
            else
            {
                pending++;
            }

            await connection.ExecuteAsync(new CommandDefinition("""
                insert into roster_entry (workspace_id, email, display_name, role, manager_email, time_zone, imported_at)
                values (@workspaceId, @email, @name, @role, @manager, @zone, @now)
                on conflict (workspace_id, email) do update set display_name = excluded.display_name, role = excluded.role,
                    manager_email = excluded.manager_email, time_zone = excluded.time_zone, imported_at = excluded.imported_at
                """, new { workspaceId = admin.WorkspaceId, email = row.Email, name = row.Name, role, manager = row.ManagerEmail, zone = row.TimeZone, now },
                transaction, cancellationToken: cancellationToken));
        }

        linked = await LinkManagersAsync(connection, transaction, admin.WorkspaceId, cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return new RosterImportResult(matched, pending, linked);
    }

    /// <summary>Applies any imported roster row for a person who has just been registered (match by email).</summary>
    public async Task ApplyPendingAsync(long personId, CancellationToken cancellationToken)
    {
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        var workspaceId = await connection.ExecuteScalarAsync<long?>(new CommandDefinition("""
            update person p set role = r.role, time_zone = coalesce(r.time_zone, p.time_zone),
                time_zone_source = case when r.time_zone is null then p.time_zone_source else 'override' end
            from roster_entry r
            where p.id = @personId and r.workspace_id = p.workspace_id and r.email = lower(p.email)
            returning p.workspace_id
            """, new { personId }, transaction, cancellationToken: cancellationToken));
        if (workspaceId is { } id)
        {
            await LinkManagersAsync(connection, transaction, id, cancellationToken);
        }

        await transaction.CommitAsync(cancellationToken);
    }

    // Sets manager_id from the roster's manager emails, for both sides of the link as people become known.
    private static Task<int> LinkManagersAsync(NpgsqlConnection connection, NpgsqlTransaction transaction, long workspaceId, CancellationToken cancellationToken) =>
        connection.ExecuteAsync(new CommandDefinition("""
            update person p set manager_id = m.id
            from roster_entry r join person m on m.workspace_id = r.workspace_id and lower(m.email) = r.manager_email
            where r.workspace_id = @workspaceId and p.workspace_id = r.workspace_id and lower(p.email) = r.email
              and m.id <> p.id and p.manager_id is distinct from m.id
            """, new { workspaceId }, transaction, cancellationToken: cancellationToken));
}
