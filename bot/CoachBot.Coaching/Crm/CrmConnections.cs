using Dapper;
using Npgsql;

namespace CoachBot.Coaching.Crm;

/// <summary>
/// crm_connection rows: created by `crm connect`, read by the sync job (secret opened here, never anywhere else), their
/// status and last error in words, and removed with all their data by `crm disconnect` (the tables cascade).
/// </summary>
public sealed class CrmConnections(NpgsqlDataSource dataSource, CrmSecretCipher cipher, TimeProvider clock)
{
    public static string DbKind(CrmKind kind) => kind.ToString().ToLowerInvariant();

    /// <summary>Creates the workspace's connection to <paramref name="kind"/>, or makes an existing one active again (a reconnect).</summary>
    public async Task<long> ConnectAsync(long workspaceId, CrmKind kind, long createdBy, CancellationToken cancellationToken)
    {
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        return await connection.ExecuteScalarAsync<long>(new CommandDefinition("""
            insert into crm_connection (workspace_id, kind, created_by, created_at) values (@workspaceId, @kind, @createdBy, @now)
            on conflict (workspace_id, kind) do update set status = 'active', last_error = null, created_by = excluded.created_by
            returning id
            """, new { workspaceId, kind = DbKind(kind), createdBy, now = clock.GetUtcNow() }, cancellationToken: cancellationToken));
    }

    /// <summary>Stores credentials obtained at runtime (OAuth refresh token), sealed to this connection.</summary>
    public async Task SaveSecretAsync(long connectionId, string secret, CancellationToken cancellationToken)
    {
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        await connection.ExecuteAsync(new CommandDefinition("update crm_connection set secret = @secret where id = @connectionId",
            new { connectionId, secret = cipher.Seal(connectionId, secret) }, cancellationToken: cancellationToken));
    }

    /// <summary>The connection as a connector needs it, with its secret opened; null when it is gone.</summary>
    public async Task<CrmConnectionState?> GetAsync(long connectionId, CancellationToken cancellationToken)
    {
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        var row = await connection.QuerySingleOrDefaultAsync<Row>(new CommandDefinition("""
            select id as Id, workspace_id as WorkspaceId, kind as Kind, base_url as BaseUrl, secret as Secret, status as Status,
                   created_by as CreatedBy, last_sync_at as LastSyncAt
            from crm_connection where id = @connectionId
            """, new { connectionId }, cancellationToken: cancellationToken));
        if (row is null)
        {
            return null;
        }

        var secret = row.Secret is null ? null : cipher.Open(row.Id, row.Secret);
        var kind = Enum.Parse<CrmKind>(row.Kind, ignoreCase: true);
        return new CrmConnectionState(new CrmConnection(row.Id, row.WorkspaceId, kind, row.BaseUrl, secret), row.Status, row.CreatedBy, row.LastSyncAt);
    }

    public async Task<long?> FindAsync(long workspaceId, CrmKind kind, CancellationToken cancellationToken)
    {
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        return await connection.ExecuteScalarAsync<long?>(new CommandDefinition("select id from crm_connection where workspace_id = @workspaceId and kind = @kind",
            new { workspaceId, kind = DbKind(kind) }, cancellationToken: cancellationToken));
    }

    public async Task<IReadOnlyList<long>> ActiveAsync(CancellationToken cancellationToken)
    {
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        return [.. await connection.QueryAsync<long>(new CommandDefinition("select id from crm_connection where status = 'active' order by id",
            cancellationToken: cancellationToken))];
    }

    /// <summary>A run completed: the connection is healthy again.</summary>
    public async Task SyncedAsync(long connectionId, CancellationToken cancellationToken)
    {
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        await connection.ExecuteAsync(new CommandDefinition(
            "update crm_connection set last_sync_at = @now, last_error = null where id = @connectionId and status = 'active'",
            new { connectionId, now = clock.GetUtcNow() }, cancellationToken: cancellationToken));
    }

    /// <summary>Something the next runs may get past (a used-up allowance, an outage): noted, the connection stays active.</summary>
    public async Task NoteErrorAsync(long connectionId, string error, CancellationToken cancellationToken)
    {
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        await connection.ExecuteAsync(new CommandDefinition("update crm_connection set last_error = @error where id = @connectionId",
            new { connectionId, error }, cancellationToken: cancellationToken));
    }

    /// <summary>
    /// Only the admin can fix it (credentials, scopes): the connection stops syncing. True only for the run that moved it to
    /// failed, so the admin is told once and not on every run (or by every instance).
    /// </summary>
    public async Task<bool> FailAsync(long connectionId, string error, CancellationToken cancellationToken)
    {
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        return await connection.ExecuteAsync(new CommandDefinition(
            "update crm_connection set status = 'failed', last_error = @error where id = @connectionId and status <> 'failed'",
            new { connectionId, error }, cancellationToken: cancellationToken)) == 1;
    }

    /// <summary>Removes the connection and, through the cascades, every owner, deal, activity and cursor it brought.</summary>
    public async Task<long?> DisconnectAsync(long workspaceId, CrmKind kind, CancellationToken cancellationToken)
    {
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        return await connection.ExecuteScalarAsync<long?>(new CommandDefinition(
            "delete from crm_connection where workspace_id = @workspaceId and kind = @kind returning id",
            new { workspaceId, kind = DbKind(kind) }, cancellationToken: cancellationToken));
    }

    private sealed record Row(long Id, long WorkspaceId, string Kind, string? BaseUrl, string? Secret, string Status, long? CreatedBy, DateTime? LastSyncAt);
}
