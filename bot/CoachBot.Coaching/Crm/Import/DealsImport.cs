using CoachBot.Coaching.People;
using Dapper;
using Npgsql;

namespace CoachBot.Coaching.Crm.Import;

public sealed record DealsImportResult(int Deals, int Open, int Won, int Lost, int Owners, IReadOnlyList<string> UnmatchedEmails);

/// <summary>
/// Writes a checked deals file through <see cref="CrmStore"/> into the workspace's <c>csv</c> connection (made by the
/// first import). Upserts by deal id and never deletes, so the same file twice changes nothing and a partial export
/// leaves the other deals alone. A row without a created or modified date keeps the one stored, for the same reason.
/// After the write the sync observers run as after an API sync, so imported won deals count toward goals and the race.
/// </summary>
public sealed class DealsImport(NpgsqlDataSource dataSource, CrmStore store, IEnumerable<ICrmSyncObserver> observers, TimeProvider clock)
{
    public async Task<DealsImportResult> ImportAsync(Person admin, IReadOnlyList<DealsCsvRow> rows, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        var connection = await ConnectionAsync(admin, now, cancellationToken);
        var stored = await StoredDatesAsync(connection.Id, rows.Select(r => r.Id).ToArray(), cancellationToken);
        var owners = rows.GroupBy(r => r.OwnerEmail).Select(g => new CrmOwner(g.Key, g.Key, g.Select(r => r.OwnerName).FirstOrDefault(n => n is not null))).ToList();
        await store.SaveOwnersAsync(connection, owners, cancellationToken);
        var deals = rows.Select(r =>
        {
            var known = stored.GetValueOrDefault(r.Id);
            return new CrmDeal(r.Id, r.Name, r.OwnerEmail, r.Amount, r.Currency, r.Stage, r.Status, r.CloseDate,
                r.CreatedAt ?? known.Created ?? now, null, r.Status == CrmDealStatus.Open ? null : Midnight(r.CloseDate) ?? r.ModifiedAt ?? known.Modified ?? now,
                r.LastActivityAt, r.ModifiedAt ?? known.Modified ?? now);
        }).ToList();
        await store.SaveDealsAsync(connection.Id, deals, new CrmCursor(now, null), cancellationToken);
        foreach (var observer in observers)
        {
            await observer.OnSyncedAsync(connection, now, cancellationToken);
        }

        await using var db = await dataSource.OpenConnectionAsync(cancellationToken);
        var unmatched = (await db.QueryAsync<string>(new CommandDefinition(
            "select email from crm_owner where connection_id = @id and person_id is null and email = any(@emails) order by email",
            new { id = connection.Id, emails = owners.Select(o => o.Id).ToArray() }, cancellationToken: cancellationToken))).ToList();
        return new DealsImportResult(deals.Count, deals.Count(d => d.Status == CrmDealStatus.Open), deals.Count(d => d.Status == CrmDealStatus.Won),
            deals.Count(d => d.Status == CrmDealStatus.Lost), owners.Count, unmatched);
    }

    private async Task<CrmConnection> ConnectionAsync(Person admin, DateTimeOffset now, CancellationToken cancellationToken)
    {
        await using var db = await dataSource.OpenConnectionAsync(cancellationToken);
        var id = await db.ExecuteScalarAsync<long>(new CommandDefinition("""
            insert into crm_connection (workspace_id, kind, created_by, created_at, last_sync_at) values (@workspaceId, 'csv', @adminId, @now, @now)
            on conflict (workspace_id, kind) do update set last_sync_at = excluded.last_sync_at, status = 'active', last_error = null
            returning id
            """, new { workspaceId = admin.WorkspaceId, adminId = admin.Id, now = now.UtcDateTime }, cancellationToken: cancellationToken));
        return new CrmConnection(id, admin.WorkspaceId, CrmKind.Csv, null, null);
    }

    private async Task<Dictionary<string, (DateTimeOffset? Created, DateTimeOffset? Modified)>> StoredDatesAsync(long connectionId, string[] ids, CancellationToken cancellationToken)
    {
        await using var db = await dataSource.OpenConnectionAsync(cancellationToken);
        var rows = await db.QueryAsync<(string Id, DateTime Created, DateTime Modified)>(new CommandDefinition(
            "select external_id, created_at_crm, modified_at from crm_deal where connection_id = @connectionId and external_id = any(@ids)",
            new { connectionId, ids }, cancellationToken: cancellationToken));
        return rows.ToDictionary(r => r.Id, r => ((DateTimeOffset?)new DateTimeOffset(r.Created, TimeSpan.Zero), (DateTimeOffset?)new DateTimeOffset(r.Modified, TimeSpan.Zero)));
    }

    private static DateTimeOffset? Midnight(DateOnly? date) => date is { } d ? new DateTimeOffset(d.ToDateTime(TimeOnly.MinValue), TimeSpan.Zero) : null;
}
