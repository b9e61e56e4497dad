using CoachBot.Coaching.Crm;
using CoachBot.Testing;
using CoachBot.Testing.Crm;
using CoachBot.Testing.Escalations;

namespace CoachBot.IntegrationTests.Crm;

// The Salesforce connector read into CrmStore on real PostgreSQL the way the sync job does it (the job itself is on the
// crm-hubspot branch): owners, then each object a page at a time, every page committed with the cursor after it.
public sealed class SalesforceSyncTests(PostgresDatabase database) : IClassFixture<PostgresDatabase>, IAsyncLifetime
{
    private static readonly DateTimeOffset Monday = new(2026, 3, 2, 9, 0, 0, TimeSpan.Zero);
    private FakeSalesforce _org = null!;
    private EscalationWorld _world = null!;
    private SalesforceConnection _sf = null!;
    private CrmStore _store = null!;
    private CrmConnection _connection = null!;

    public async Task InitializeAsync()
    {
        _org = await FakeSalesforce.StartAsync();
        _world = await EscalationWorld.CreateAsync(database);
        _sf = SalesforceConnection.Create(_org);
        _store = new CrmStore(_world.DataSource, _world.Clock);
        var id = await _world.ScalarAsync<long>("insert into crm_connection (workspace_id, kind, created_at) values (@ws, 'salesforce', now()) returning id",
            new { ws = _world.WorkspaceId });
        _connection = new CrmConnection(id, _world.WorkspaceId, CrmKind.Salesforce, null, null);
        await _world.AddPersonAsync("USAM", "Sam Rep", email: "sam@acme.example");
        await _world.AddPersonAsync("UKIM", "Kim Rep", email: "kim@acme.example");
        _org.AddUser("005SAM", "Sam@Acme.example", "Sam Rep");
        _org.AddUser("005KIM", "kim@acme.example", "Kim Rep");
        _org.AddUser("005LEE", "lee@acme.example", "Lee Nobody");
        for (var i = 0; i < 4100; i++)
        {
            _org.AddOpportunity($"006{i:D6}", $"Deal {i}", i % 2 == 0 ? "005SAM" : "005KIM", 1000, "Prospecting", new DateOnly(2026, 4, 30), Monday.AddDays(-10).AddSeconds(i));
        }

        _org.AddTask("00TCALL", "Call", "005SAM", "006000000", new DateOnly(2026, 2, 27), Monday.AddDays(-3));
        _org.AddEvent("00UMEET", "005KIM", "006000001", Monday.AddDays(2), Monday.AddDays(-2));
    }

    public async Task DisposeAsync()
    {
        await _sf.DisposeAsync();
        await _world.DisposeAsync();
        await _org.DisposeAsync();
    }

    [Fact]
    public async Task AFirstSyncLoadsEveryDealMatchesOwnersByEmailAndLeavesAnIncrementalCursor()
    {
        var matched = await SyncAsync(Monday);

        Assert.Equal(2, matched);
        Assert.Equal(4100L, await _world.ScalarAsync<long>("select count(*) from crm_deal where connection_id = @id", new { id = _connection.Id }));
        Assert.Equal(2050L, await RepDealsAsync("sam@acme.example"));
        Assert.Equal("call/Sam Rep|meeting/Kim Rep", await _world.ScalarAsync<string>("""
            select string_agg(a.kind || '/' || p.display_name, '|' order by a.kind) from crm_activity a
            join crm_owner o on o.connection_id = a.connection_id and o.external_id = a.owner_external_id join person p on p.id = o.person_id
            where a.connection_id = @id
            """, new { id = _connection.Id }));
        Assert.Null(await _world.ScalarAsync<long?>("select person_id from crm_owner where connection_id = @id and external_id = '005LEE'", new { id = _connection.Id }));
        Assert.Equal("2026-03-02 08:55:00+00|", await _world.ScalarAsync<string>(
            "select to_char(modified_since at time zone 'UTC', 'YYYY-MM-DD HH24:MI:SS') || '+00|' || coalesce(next_page, '') from crm_sync_state where connection_id = @id and object = 'deals'",
            new { id = _connection.Id }));
        // Owners 1, deals 1 refused for CurrencyIsoCode + 3 batches of at most 2,000, tasks 1, events 1.
        Assert.Equal(7, _org.Calls.Count);
    }

    [Fact]
    public async Task ANextSyncReadsOnlyWhatChangedAndCountsAMovedCloseDate()
    {
        await SyncAsync(Monday);
        _org.AddOpportunity("006000000", "Deal 0", "005SAM", 1500, "Proposal", new DateOnly(2026, 5, 15), Monday.AddMinutes(30));
        var before = _org.Calls.Count;

        await SyncAsync(Monday.AddHours(1));

        var deals = _org.Calls.Skip(before).Where(c => c.Contains("FROM Opportunity", StringComparison.Ordinal)).ToList();
        Assert.Equal(["WHERE LastModifiedDate >= 2026-03-02T08:55:00Z"], deals.Select(c => c[c.IndexOf("WHERE", StringComparison.Ordinal)..c.IndexOf(" ORDER", StringComparison.Ordinal)]));
        Assert.Equal("Proposal|1500.00|2026-05-15|1", await _world.ScalarAsync<string>(
            "select stage || '|' || amount || '|' || close_date || '|' || close_date_moves from crm_deal where connection_id = @id and external_id = '006000000'",
            new { id = _connection.Id }));
    }

    [Fact]
    public async Task ALoadStoppedAfterOnePageResumesAtTheStoredNextRecordsUrlWithoutReadingItAgain()
    {
        await Assert.ThrowsAsync<OperationCanceledException>(() => SyncAsync(Monday, stopAfterDealPages: 1));
        var stored = await _world.ScalarAsync<string>("select next_page from crm_sync_state where connection_id = @id and object = 'deals'", new { id = _connection.Id });
        Assert.Equal(2000L, await _world.ScalarAsync<long>("select count(*) from crm_deal where connection_id = @id", new { id = _connection.Id }));

        await SyncAsync(Monday);

        Assert.StartsWith("/services/data/v61.0/query/", stored);
        Assert.Equal(4100L, await _world.ScalarAsync<long>("select count(*) from crm_deal where connection_id = @id", new { id = _connection.Id }));
        Assert.Contains(_org.Calls, c => c.EndsWith(stored, StringComparison.Ordinal));
        Assert.Equal(1, _org.Calls.Count(c => c.Contains("FROM Opportunity", StringComparison.Ordinal) && !c.Contains("CurrencyIsoCode", StringComparison.Ordinal)));
    }

    [Fact]
    public async Task TheDailyAllowanceStopsTheLoadAtACommittedPageAndNothingHalfWritten()
    {
        _org.DailyAllowance = 3;
        _sf = await Replace(_sf, SalesforceConnection.Create(_org, settings: new Dictionary<string, string?> { ["Crm:Salesforce:MaxApiUsageShare"] = "1" }));

        var stop = await Assert.ThrowsAsync<CrmException>(() => SyncAsync(Monday));

        Assert.Equal(CrmFailure.LimitReached, stop.Failure);
        Assert.Equal(2000L, await _world.ScalarAsync<long>("select count(*) from crm_deal where connection_id = @id", new { id = _connection.Id }));
        Assert.NotNull(await _world.ScalarAsync<string>("select next_page from crm_sync_state where connection_id = @id and object = 'deals'", new { id = _connection.Id }));
    }

    private static async Task<SalesforceConnection> Replace(SalesforceConnection old, SalesforceConnection replacement)
    {
        await old.DisposeAsync();
        return replacement;
    }

    private Task<long> RepDealsAsync(string email) => _world.ScalarAsync<long>("""
        select count(*) from crm_deal d join crm_owner o on o.connection_id = d.connection_id and o.external_id = d.owner_external_id
        join person p on p.id = o.person_id where d.connection_id = @id and p.email = @email
        """, new { id = _connection.Id, email });

    // The job's shape: a finished load moves the cursor to the run's start less 5 minutes of overlap (clock skew
    // between CoachBot and Salesforce), so a change made while the run read is read again rather than missed.
    private async Task<int> SyncAsync(DateTimeOffset runStartedAt, int stopAfterDealPages = int.MaxValue)
    {
        var connector = _sf.Connector;
        var matched = await _store.SaveOwnersAsync(_connection, await connector.OwnersAsync(_connection, default), default);
        var done = new CrmCursor(runStartedAt.AddMinutes(-5), null);
        var cursor = await _store.CursorAsync(_connection.Id, "deals", default);
        for (var pages = 0; ; pages++)
        {
            if (pages == stopAfterDealPages)
            {
                throw new OperationCanceledException("stopped mid-load, as a restart would");
            }

            var page = await connector.DealsAsync(_connection, cursor, default);
            cursor = page.Next is { } next ? cursor with { Page = next } : done;
            await _store.SaveDealsAsync(_connection.Id, page.Items, cursor, default);
            if (page.Next is null)
            {
                break;
            }
        }

        cursor = await _store.CursorAsync(_connection.Id, "activities", default);
        while (true)
        {
            var page = await connector.ActivitiesAsync(_connection, cursor, default);
            cursor = page.Next is { } next ? cursor with { Page = next } : done;
            await _store.SaveActivitiesAsync(_connection.Id, page.Items, cursor, default);
            if (page.Next is null)
            {
                return matched;
            }
        }
    }
}
