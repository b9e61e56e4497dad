using Dapper;
using Npgsql;

namespace CoachBot.Jobs.Crm;

/// <summary>
/// The connection's lease (on its 'owners' row of crm_sync_state, which no cursor uses) and when each load began.
/// Database time decides, so instances with skewed clocks still agree on when a lease has lapsed.
/// </summary>
public sealed class CrmSyncLease(NpgsqlDataSource dataSource)
{
    private const string LeaseRow = "owners";

    /// <summary>True when this instance now holds the connection: nobody did, or their lease lapsed (a crashed instance).</summary>
    public async Task<bool> TakeAsync(long connectionId, string owner, TimeSpan lease, CancellationToken cancellationToken)
    {
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        return await connection.ExecuteScalarAsync<bool?>(new CommandDefinition("""
            insert into crm_sync_state (connection_id, object, lease_owner, lease_until) values (@connectionId, @row, @owner, now() + @lease)
            on conflict (connection_id, object) do update set lease_owner = excluded.lease_owner, lease_until = excluded.lease_until
            where crm_sync_state.lease_until is null or crm_sync_state.lease_until < now() or crm_sync_state.lease_owner = excluded.lease_owner
            returning true
            """, new { connectionId, row = LeaseRow, owner, lease }, cancellationToken: cancellationToken)) == true;
    }

    /// <summary>Extends the lease; false when another instance took it meanwhile (this one stalled past it), which must then stop.</summary>
    public async Task<bool> RenewAsync(long connectionId, string owner, TimeSpan lease, CancellationToken cancellationToken)
    {
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        return await connection.ExecuteAsync(new CommandDefinition(
            "update crm_sync_state set lease_until = now() + @lease where connection_id = @connectionId and object = @row and lease_owner = @owner",
            new { connectionId, row = LeaseRow, owner, lease }, cancellationToken: cancellationToken)) == 1;
    }

    /// <summary>Lets go; with <paramref name="holdFor"/> the lease stays taken that long, so no run starts before the CRM's allowance returns.</summary>
    public async Task ReleaseAsync(long connectionId, string owner, TimeSpan? holdFor, CancellationToken cancellationToken)
    {
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        await connection.ExecuteAsync(new CommandDefinition("""
            update crm_sync_state set lease_owner = case when @holdFor::interval is null then null else 'limit-reached' end,
                                      lease_until = now() + @holdFor::interval
            where connection_id = @connectionId and object = @row and lease_owner = @owner
            """, new { connectionId, row = LeaseRow, owner, holdFor }, cancellationToken: cancellationToken));
    }

    /// <summary>A load (full or incremental) starts from its first page: remember when, for the cursor it leaves behind.</summary>
    public async Task StartLoadAsync(long connectionId, string objectName, DateTimeOffset at, CancellationToken cancellationToken)
    {
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        await connection.ExecuteAsync(new CommandDefinition("""
            insert into crm_sync_state (connection_id, object, run_started_at) values (@connectionId, @objectName, @at)
            on conflict (connection_id, object) do update set run_started_at = excluded.run_started_at
            """, new { connectionId, objectName, at }, cancellationToken: cancellationToken));
    }

    public async Task<DateTimeOffset?> LoadStartedAsync(long connectionId, string objectName, CancellationToken cancellationToken)
    {
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        var at = await connection.ExecuteScalarAsync<DateTime?>(new CommandDefinition(
            "select run_started_at from crm_sync_state where connection_id = @connectionId and object = @objectName",
            new { connectionId, objectName }, cancellationToken: cancellationToken));
        return at is { } t ? new DateTimeOffset(DateTime.SpecifyKind(t, DateTimeKind.Utc)) : null;
    }
}
