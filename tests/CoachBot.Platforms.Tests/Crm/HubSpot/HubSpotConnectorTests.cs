using System.Diagnostics;
using CoachBot.Coaching.Crm;
using CoachBot.Platforms.Crm.HubSpot;
using CoachBot.Testing.Crm;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace CoachBot.Platforms.Tests.Crm.HubSpot;

// The connector over real HTTP against the loopback HubSpot: paging, search and its cap, mapping, limits and refusals.
public sealed class HubSpotConnectorTests : IAsyncLifetime
{
    private static readonly CrmConnection Connection = new(1, 1, CrmKind.HubSpot, null, null);
    private FakeHubSpot _hubSpot = null!;

    public async Task InitializeAsync() => _hubSpot = await FakeHubSpot.StartAsync();

    public async Task DisposeAsync() => await _hubSpot.DisposeAsync();

    [Fact]
    public async Task OwnersAreReadAcrossPages()
    {
        for (var i = 0; i < 150; i++)
        {
            _hubSpot.AddOwner($"rep{i}@example.com", "Rep", $"Number{i}");
        }

        var owners = await Connector().OwnersAsync(Connection, default);

        Assert.Equal(150, owners.Count);
        Assert.Equal("Rep Number149", owners[^1].Name);
        Assert.Equal(2, _hubSpot.CallsTo("/crm/v3/owners"));
    }

    [Fact]
    public async Task AFullLoadPagesTheDealListAndMapsStageStatusAndDates()
    {
        var owner = _hubSpot.AddOwner("sam@example.com", "Sam", "Rep");
        var entered = new DateTimeOffset(2026, 11, 20, 8, 0, 0, TimeSpan.Zero);
        var won = _hubSpot.AddDeal(owner, "Acme renewal", 12500.5m, "closedwon", new DateOnly(2026, 11, 28));
        var open = _hubSpot.AddDeal(owner, "Globex", 8000m, "contractsent", new DateOnly(2026, 12, 20), enteredStageAt: entered);
        for (var i = 0; i < 248; i++)
        {
            _hubSpot.AddDeal(owner, $"Deal {i}", 100m);
        }

        var deals = await ReadAllAsync(Connector(), new CrmCursor(null, null));

        Assert.Equal(250, deals.Count);
        Assert.Equal(250, deals.Select(d => d.Id).Distinct().Count());
        Assert.Equal(3, _hubSpot.CallsTo("/crm/v3/objects/deals", "GET"));
        var globex = deals.Single(d => d.Id == open);
        Assert.Equal(("Globex", "Contract Sent", CrmDealStatus.Open, 8000m, new DateOnly(2026, 12, 20), entered, owner),
            (globex.Name, globex.Stage, globex.Status, globex.Amount!.Value, globex.CloseDate!.Value, globex.StageChangedAt!.Value, globex.OwnerId!));
        var acme = deals.Single(d => d.Id == won);
        Assert.Equal((CrmDealStatus.Won, "Closed Won", 12500.5m), (acme.Status, acme.Stage, acme.Amount!.Value));
        Assert.NotNull(acme.ClosedAt);
    }

    [Fact]
    public async Task AnIncrementalReadSearchesFromTheCursorAndRestartsAtTheSearchCap()
    {
        _hubSpot.SearchResultCap = 250;
        var start = new DateTimeOffset(2026, 11, 1, 0, 0, 0, TimeSpan.Zero);
        _hubSpot.AddDeal(null, "Too old", 1m, modifiedAt: start.AddDays(-1));
        for (var i = 0; i < 600; i++)
        {
            _hubSpot.AddDeal(null, $"Deal {i}", 1m, modifiedAt: start.AddMinutes(i));
        }

        var deals = await ReadAllAsync(Connector(("Crm:HubSpot:SearchResultLimit", "250")), new CrmCursor(start, null));

        Assert.Equal(600, deals.Select(d => d.Id).Distinct().Count());
        Assert.DoesNotContain(deals, d => d.Name == "Too old");
        Assert.DoesNotContain(_hubSpot.Calls, c => c.Status == 400);
        Assert.Equal(0, _hubSpot.CallsTo("/crm/v3/objects/deals", "GET"));
        // 600 results in queries of at most 250: the search was restarted from the last modified time at least twice.
        Assert.InRange(_hubSpot.CallsTo("/crm/v3/objects/deals/search"), 7, 9);
    }

    [Fact]
    public async Task ActivitiesWalkAllFiveObjectsAndSearchFindsTheirDeals()
    {
        var since = DateTimeOffset.UtcNow.AddHours(-1);
        var deal = _hubSpot.AddDeal(null, "Acme", 1m);
        _hubSpot.AddActivity("calls", "7", deal, since.AddMinutes(5));
        _hubSpot.AddActivity("meetings", "7", null, since.AddMinutes(6));
        _hubSpot.AddActivity("notes", "8", deal, since.AddMinutes(7));
        var connector = Connector();

        var full = await ReadAllActivitiesAsync(connector, new CrmCursor(null, null));
        var incremental = await ReadAllActivitiesAsync(connector, new CrmCursor(since, null));

        foreach (var read in new[] { full, incremental })
        {
            Assert.Equal([(CrmActivityKind.Call, deal), (CrmActivityKind.Meeting, null), (CrmActivityKind.Note, deal)],
                read.OrderBy(a => a.Kind).Select(a => (a.Kind, a.DealId)));
        }

        Assert.All(FakeHubSpot.ActivityTypes, t => Assert.Equal(1, _hubSpot.CallsTo($"/crm/v3/objects/{t}/search")));
        // One batch read per non-empty search page (calls, meetings, notes).
        Assert.Equal(3, _hubSpot.CallsTo("/crm/v4/associations/"));
    }

    [Fact]
    public async Task TheRateHeadersKeepTheConnectorUnderTheLimitWithoutA429()
    {
        _hubSpot.Limit = 5;
        _hubSpot.Window = TimeSpan.FromSeconds(1);
        for (var i = 0; i < 1500; i++)
        {
            _hubSpot.AddOwner($"rep{i}@example.com", "Rep", $"{i}");
        }

        var watch = Stopwatch.StartNew();
        var owners = await Connector().OwnersAsync(Connection, default);

        Assert.Equal(1500, owners.Count);
        Assert.Equal(0, _hubSpot.Throttled);
        Assert.InRange(_hubSpot.BusiestWindow, 1, 5);
        Assert.True(watch.Elapsed >= TimeSpan.FromSeconds(2), $"15 calls at 5 a second took {watch.Elapsed}");
    }

    [Fact]
    public async Task A429IsWaitedOutForItsRetryAfter()
    {
        _hubSpot.AddOwner("sam@example.com", "Sam", "Rep");
        _hubSpot.ThrottleNext(2, TimeSpan.FromSeconds(1));

        var watch = Stopwatch.StartNew();
        var owners = await Connector().OwnersAsync(Connection, default);

        Assert.Single(owners);
        Assert.Equal(2, _hubSpot.Throttled);
        Assert.True(watch.Elapsed >= TimeSpan.FromSeconds(1.9), $"two Retry-After: 1 took {watch.Elapsed}");
    }

    [Fact]
    public async Task TheDailyLimitStopsTheReadWithWhenItReturns()
    {
        _hubSpot.DailyLimitReached = true;

        var ex = await Assert.ThrowsAsync<CrmException>(() => Connector().OwnersAsync(Connection, default));

        Assert.Equal(CrmFailure.LimitReached, ex.Failure);
        Assert.InRange(ex.RetryAfter!.Value, TimeSpan.FromSeconds(1), TimeSpan.FromDays(1));
        Assert.Contains("daily API limit", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ARefusedTokenIsUnauthorizedAndAMissingScopeIsNamed()
    {
        _hubSpot.MissingScopes.Add("crm.objects.deals.read");
        var connector = Connector();

        var scope = await Assert.ThrowsAsync<CrmException>(() => connector.DealsAsync(Connection, new CrmCursor(null, null), default));
        _hubSpot.Token = "pat-na1-revoked";
        var token = await Assert.ThrowsAsync<CrmException>(() => connector.OwnersAsync(Connection, default));

        Assert.Equal(CrmFailure.PermissionMissing, scope.Failure);
        Assert.Contains("crm.objects.deals.read", scope.Message, StringComparison.Ordinal);
        Assert.Equal(CrmFailure.Unauthorized, token.Failure);
        Assert.DoesNotContain("pat-na1", token.Message, StringComparison.Ordinal);
    }

    private ICrmConnector Connector(params (string Key, string Value)[] settings)
    {
        var config = new Dictionary<string, string?>
        {
            ["Crm:HubSpot:AccessToken"] = _hubSpot.Token,
            ["Crm:HubSpot:BaseUrl"] = _hubSpot.BaseUrl.ToString(),
            ["Crm:HubSpot:RetryBaseDelay"] = "00:00:00.050",
        };
        foreach (var (key, value) in settings)
        {
            config[key] = value;
        }

        var services = new ServiceCollection()
            .AddLogging(l => l.SetMinimumLevel(LogLevel.Warning))
            .AddSingleton<IConfiguration>(new ConfigurationBuilder().AddInMemoryCollection(config).Build())
            .AddHubSpotCrm()
            .BuildServiceProvider();
        return services.GetServices<ICrmConnector>().Single(c => c.Kind == CrmKind.HubSpot);
    }

    private static async Task<List<CrmDeal>> ReadAllAsync(ICrmConnector connector, CrmCursor cursor)
    {
        var all = new List<CrmDeal>();
        for (var pages = 0; pages < 100; pages++)
        {
            var page = await connector.DealsAsync(Connection, cursor, default);
            all.AddRange(page.Items);
            if (page.Next is null)
            {
                return all;
            }

            cursor = cursor with { Page = page.Next };
        }

        throw new Xunit.Sdk.XunitException("the read never ended");
    }

    private static async Task<List<CrmActivity>> ReadAllActivitiesAsync(ICrmConnector connector, CrmCursor cursor)
    {
        var all = new List<CrmActivity>();
        for (var pages = 0; pages < 100; pages++)
        {
            var page = await connector.ActivitiesAsync(Connection, cursor, default);
            all.AddRange(page.Items);
            if (page.Next is null)
            {
                return all;
            }

            cursor = cursor with { Page = page.Next };
        }

        throw new Xunit.Sdk.XunitException("the read never ended");
    }
}
