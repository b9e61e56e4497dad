using CoachBot.Coaching.Crm;
using CoachBot.Coaching.People;
using CoachBot.Jobs.Crm;
using CoachBot.Testing;
using CoachBot.Testing.Crm;
using Microsoft.Extensions.DependencyInjection;

namespace CoachBot.IntegrationTests.Crm;

// The sync job on real PostgreSQL against the loopback HubSpot over real HTTP.
public sealed class CrmSyncJobTests(PostgresDatabase database) : IClassFixture<PostgresDatabase>
{
    private static readonly Dictionary<string, string?> ShortOverlap = new() { ["Crm:CursorOverlap"] = "00:00:01" };

    [Fact]
    public async Task TheFirstRunLoadsEverythingAndTheNextReadsOnlyWhatChanged()
    {
        await using var world = await CrmWorld.CreateAsync(database, ShortOverlap);
        var (admin, sam) = await PeopleAsync(world);
        var owner = world.HubSpot.AddOwner("sam@example.com", "Sam", "Rep");
        var hourAgo = DateTimeOffset.UtcNow.AddHours(-1);
        var deals = Enumerable.Range(0, 250).Select(i => world.HubSpot.AddDeal(owner, $"Deal {i}", 100m + i, closeDate: new DateOnly(2026, 12, 31), modifiedAt: hourAgo)).ToList();
        world.HubSpot.AddActivity("calls", owner, deals[0], hourAgo, hourAgo);
        world.HubSpot.AddActivity("meetings", owner, null, hourAgo, hourAgo);
        var id = await world.ConnectAsync(admin);
        var started = DateTimeOffset.UtcNow;

        await world.SyncAsync(id);

        Assert.Equal(250, await world.ScalarAsync<long>("""
            select count(*) from crm_deal d join crm_owner o on o.connection_id = d.connection_id and o.external_id = d.owner_external_id
            where o.person_id = @sam
            """, new { sam = sam.Id }));
        Assert.Equal(2, await world.ScalarAsync<long>("select count(*) from crm_activity where connection_id = @id", new { id }));
        Assert.Equal(3, world.HubSpot.CallsTo("/crm/v3/objects/deals?", "GET"));
        var cursor = await world.Get<CrmStore>().CursorAsync(id, CrmSyncJob.Deals, default);
        Assert.Null(cursor.Page);
        Assert.InRange(cursor.ModifiedSince!.Value, started.AddSeconds(-2), DateTimeOffset.UtcNow);
        Assert.NotNull(await world.ScalarAsync<DateTime?>("select last_sync_at from crm_connection where id = @id", new { id }));

        world.HubSpot.UpdateDeal(deals[7], new Dictionary<string, string?> { ["dealstage"] = "contractsent", ["closedate"] = "2027-01-15T00:00:00.000Z" });
        await world.SyncAsync(id);

        Assert.Equal(3, world.HubSpot.CallsTo("/crm/v3/objects/deals?", "GET"));
        Assert.Equal(1, world.HubSpot.CallsTo("/crm/v3/objects/deals/search"));
        Assert.Equal("Contract Sent|2027-01-15|1", await world.ScalarAsync<string>(
            "select stage || '|' || close_date || '|' || close_date_moves from crm_deal where connection_id = @id and external_id = @deal", new { id, deal = deals[7] }));
        world.Errors.AssertNoUnexpectedErrors();
    }

    [Fact]
    public async Task ARunThatStopsMidLoadIsResumedAtItsPageWithoutLossOrDuplicates()
    {
        await using var world = await CrmWorld.CreateAsync(database, new Dictionary<string, string?> { ["Crm:HubSpot:MaxAttempts"] = "2" });
        var (admin, _) = await PeopleAsync(world);
        var owner = world.HubSpot.AddOwner("sam@example.com", "Sam", "Rep");
        for (var i = 0; i < 500; i++)
        {
            world.HubSpot.AddDeal(owner, $"Deal {i}", 1m);
        }

        var id = await world.ConnectAsync(admin);
        world.HubSpot.BreakDealPagesAfter = 2;

        await world.SyncAsync(id);

        Assert.Equal(200, await world.ScalarAsync<long>("select count(*) from crm_deal where connection_id = @id", new { id }));
        Assert.StartsWith("l:", (await world.Get<CrmStore>().CursorAsync(id, CrmSyncJob.Deals, default)).Page);
        Assert.Contains("HubSpot answered 503", await world.ScalarAsync<string>("select last_error from crm_connection where id = @id", new { id }));

        world.HubSpot.BreakDealPagesAfter = null;
        await world.SyncAsync(id);

        Assert.Equal(500, await world.ScalarAsync<long>("select count(distinct external_id) from crm_deal where connection_id = @id", new { id }));
        Assert.Equal(1, world.HubSpot.Calls.Count(c => c.Path.StartsWith("/crm/v3/objects/deals?", StringComparison.Ordinal) && !c.Path.Contains("after=") && c.Status == 200));
        Assert.Equal(5, world.HubSpot.CallsTo("/crm/v3/objects/deals?", "GET"));
        Assert.Null(await world.ScalarAsync<string?>("select last_error from crm_connection where id = @id", new { id }));
        Assert.Null((await world.Get<CrmStore>().CursorAsync(id, CrmSyncJob.Deals, default)).Page);
    }

    [Fact]
    public async Task TwoInstancesNeverSyncOneConnectionAtOnceAndALapsedLeaseIsTakenOver()
    {
        await using var world = await CrmWorld.CreateAsync(database);
        var (admin, _) = await PeopleAsync(world);
        var owner = world.HubSpot.AddOwner("sam@example.com", "Sam", "Rep");
        for (var i = 0; i < 300; i++)
        {
            world.HubSpot.AddDeal(owner, $"Deal {i}", 1m);
        }

        var id = await world.ConnectAsync(admin);
        var lease = world.Get<CrmSyncLease>();
        Assert.True(await lease.TakeAsync(id, "other-instance", TimeSpan.FromMinutes(5), default));

        await world.SyncAsync(id);
        Assert.Empty(world.HubSpot.Calls);

        // The other instance crashed: its lease lapses and the next run takes over.
        await world.ExecuteAsync("update crm_sync_state set lease_until = now() - interval '1 second' where connection_id = @id and object = 'owners'", new { id });
        await Task.WhenAll(world.SyncAsync(id), world.SyncAsync(id), world.SyncAsync(id));

        Assert.Equal(300, await world.ScalarAsync<long>("select count(*) from crm_deal where connection_id = @id", new { id }));
        Assert.Equal(1, world.HubSpot.Calls.Count(c => c.Path.StartsWith("/crm/v3/objects/deals?", StringComparison.Ordinal) && !c.Path.Contains("after=")));
        Assert.Null(await world.ScalarAsync<string?>("select lease_owner from crm_sync_state where connection_id = @id and object = 'owners'", new { id }));
    }

    [Fact]
    public async Task A429IsWaitedOutAndTheRunCompletes()
    {
        await using var world = await CrmWorld.CreateAsync(database);
        var (admin, _) = await PeopleAsync(world);
        var owner = world.HubSpot.AddOwner("sam@example.com", "Sam", "Rep");
        for (var i = 0; i < 150; i++)
        {
            world.HubSpot.AddDeal(owner, $"Deal {i}", 1m);
        }

        var id = await world.ConnectAsync(admin);
        world.HubSpot.ThrottleNext(3, TimeSpan.FromSeconds(1));

        await world.SyncAsync(id);

        Assert.Equal(3, world.HubSpot.Throttled);
        Assert.Equal(150, await world.ScalarAsync<long>("select count(*) from crm_deal where connection_id = @id", new { id }));
        Assert.Null(await world.ScalarAsync<string?>("select last_error from crm_connection where id = @id", new { id }));
    }

    [Fact]
    public async Task TheDailyLimitStopsTheRunRecordsWhyAndHoldsTheConnectionUntilItRenews()
    {
        await using var world = await CrmWorld.CreateAsync(database);
        var (admin, _) = await PeopleAsync(world);
        world.HubSpot.AddOwner("sam@example.com", "Sam", "Rep");
        var id = await world.ConnectAsync(admin);
        world.HubSpot.DailyLimitReached = true;

        await world.SyncAsync(id);
        var calls = world.HubSpot.Calls.Count;
        await world.SyncAsync(id);

        Assert.Contains("daily API limit", await world.ScalarAsync<string>("select last_error from crm_connection where id = @id", new { id }));
        Assert.Equal("active", await world.ScalarAsync<string>("select status from crm_connection where id = @id", new { id }));
        Assert.Single(world.Schedule.Calls, c => c.StartsWith($"after {id} ", StringComparison.Ordinal));
        Assert.Equal(calls, world.HubSpot.Calls.Count);
        Assert.True(await world.ScalarAsync<bool>("select lease_until > now() + interval '1 minute' from crm_sync_state where connection_id = @id and object = 'owners'", new { id }));
    }

    [Fact]
    public async Task ARefusedTokenFailsTheConnectionAndTellsTheAdminWhoConnectedItOnce()
    {
        await using var world = await CrmWorld.CreateAsync(database);
        var (admin, _) = await PeopleAsync(world);
        var id = await world.ConnectAsync(admin);
        world.HubSpot.Token = "pat-na1-someone-else";

        await world.SyncAsync(id);
        await world.SyncAsync(id);
        await world.SyncAsync(id);

        Assert.Equal("failed", await world.ScalarAsync<string>("select status from crm_connection where id = @id", new { id }));
        var told = Assert.Single(world.Messenger.DirectTo(admin.Key));
        Assert.StartsWith("I stopped syncing HubSpot: HubSpot refused the access token (401)", told.Text, StringComparison.Ordinal);
        Assert.Contains("run `crm connect hubspot` again", told.Text, StringComparison.Ordinal);
        Assert.Single(world.HubSpot.Calls);
    }

    [Fact]
    public async Task AMissingScopeIsNamedInTheConnectionsError()
    {
        await using var world = await CrmWorld.CreateAsync(database);
        var (admin, _) = await PeopleAsync(world);
        var id = await world.ConnectAsync(admin);
        world.HubSpot.MissingScopes.Add("sales-email-read");

        await world.SyncAsync(id);

        Assert.Equal("failed", await world.ScalarAsync<string>("select status from crm_connection where id = @id", new { id }));
        Assert.Contains("lacks the scope sales-email-read", await world.ScalarAsync<string>("select last_error from crm_connection where id = @id", new { id }));
        Assert.Single(world.Messenger.DirectTo(admin.Key));
    }

    [Fact]
    public async Task ObserversHearOfACompletedRunWithItsStartTime()
    {
        var observer = new RecordingObserver();
        await using var world = await CrmWorld.CreateAsync(database, configure: s => s.AddSingleton<ICrmSyncObserver>(observer));
        var (admin, _) = await PeopleAsync(world);
        var id = await world.ConnectAsync(admin);
        var before = DateTimeOffset.UtcNow;

        await world.SyncAsync(id);
        world.HubSpot.Token = "revoked";
        await world.SyncAsync(id);

        var (connection, at) = Assert.Single(observer.Runs);
        Assert.Equal((id, CrmKind.HubSpot), (connection.Id, connection.Kind));
        Assert.InRange(at, before, DateTimeOffset.UtcNow);
    }

    private static async Task<(Person Admin, Person Sam)> PeopleAsync(CrmWorld world) =>
        (await world.AddPersonAsync("UADMIN", "Ada Admin", "ada@example.com", PersonRole.Admin), await world.AddPersonAsync("USAM", "Sam Rep", "sam@example.com"));

    private sealed class RecordingObserver : ICrmSyncObserver
    {
        public List<(CrmConnection Connection, DateTimeOffset At)> Runs { get; } = [];

        public Task OnSyncedAsync(CrmConnection connection, DateTimeOffset runStartedAt, CancellationToken cancellationToken)
        {
            Runs.Add((connection, runStartedAt));
            return Task.CompletedTask;
        }
    }
}
