using CoachBot.Coaching.Crm;
using Npgsql;

namespace CoachBot.Testing.Crm;

/// <summary>
/// Puts CRM data in the tables the way a sync does: a crm_connection row, then owners, deals and activities through
/// <see cref="CrmStore"/> (so owners are matched by email and close-date moves are counted by the store itself).
/// </summary>
public sealed class CrmSeed
{
    private int _modified;

    private CrmSeed(CrmStore store, CrmConnection connection, TimeProvider clock)
    {
        Store = store;
        Connection = connection;
        Clock = clock;
    }

    public CrmStore Store { get; }

    public CrmConnection Connection { get; }

    public TimeProvider Clock { get; }

    /// <summary>The workspace's connection of that kind, created when missing (one per workspace and kind, as in crm_connection).</summary>
    public static async Task<CrmSeed> ConnectAsync(NpgsqlDataSource dataSource, TimeProvider clock, long workspaceId, CrmKind kind = CrmKind.HubSpot)
    {
        await using var command = dataSource.CreateCommand("""
            insert into crm_connection (workspace_id, kind, created_at) values ($1, $2, $3)
            on conflict (workspace_id, kind) do update set kind = excluded.kind returning id
            """);
        command.Parameters.AddWithValue(workspaceId);
        command.Parameters.AddWithValue(kind.ToString().ToLowerInvariant());
        command.Parameters.AddWithValue(clock.GetUtcNow().UtcDateTime);
        var id = (long)(await command.ExecuteScalarAsync())!;
        return new CrmSeed(new CrmStore(dataSource, clock), new CrmConnection(id, workspaceId, kind, null, null), clock);
    }

    public Task<int> OwnersAsync(params CrmOwner[] owners) => Store.SaveOwnersAsync(Connection, owners, CancellationToken.None);

    public Task DealsAsync(params CrmDeal[] deals) =>
        Store.SaveDealsAsync(Connection.Id, deals.Select(d => d with { ModifiedAt = NextModified() }).ToList(), new CrmCursor(Clock.GetUtcNow(), null), CancellationToken.None);

    public Task ActivitiesAsync(params CrmActivity[] activities) =>
        Store.SaveActivitiesAsync(Connection.Id, activities, new CrmCursor(Clock.GetUtcNow(), null), CancellationToken.None);

    /// <summary>An open deal created <paramref name="ageDays"/> ago that entered <paramref name="stage"/> <paramref name="daysInStage"/> days ago.</summary>
    public CrmDeal Open(string id, string name, string owner, decimal amount, string stage = "Proposal", int ageDays = 30, int? daysInStage = 3,
        int closeInDays = 20, int? lastActivityDaysAgo = 1, string currency = "USD")
    {
        var now = Clock.GetUtcNow();
        return new CrmDeal(id, name, owner, amount, currency, stage, CrmDealStatus.Open, DateOnly.FromDateTime(now.UtcDateTime.AddDays(closeInDays)),
            now.AddDays(-ageDays), daysInStage is { } d ? now.AddDays(-d) : null, null,
            lastActivityDaysAgo is { } a ? now.AddDays(-a) : null, now);
    }

    /// <summary>A won deal that took <paramref name="cycleDays"/> from creation to close, closed <paramref name="closedDaysAgo"/> ago.</summary>
    public CrmDeal Won(string id, string owner, int cycleDays, int closedDaysAgo = 5, decimal amount = 10_000)
    {
        var closed = Clock.GetUtcNow().AddDays(-closedDaysAgo);
        return new CrmDeal(id, $"Won {id}", owner, amount, "USD", "Closed won", CrmDealStatus.Won, DateOnly.FromDateTime(closed.UtcDateTime),
            closed.AddDays(-cycleDays), closed, closed, closed, closed);
    }

    public CrmActivity Activity(string id, CrmActivityKind kind, string owner, int daysAgo = 1, string? deal = null)
    {
        var at = Clock.GetUtcNow().AddDays(-daysAgo);
        return new CrmActivity(id, kind, owner, deal, at, at);
    }

    // Each save is newer than the last, as a CRM's modified stamps are, so the store never keeps an older copy.
    private DateTimeOffset NextModified() => Clock.GetUtcNow().AddSeconds(++_modified);
}
