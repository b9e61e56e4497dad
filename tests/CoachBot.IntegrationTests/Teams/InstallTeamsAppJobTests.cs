using CoachBot.Jobs.Teams;
using CoachBot.Platforms.Teams;
using CoachBot.Testing;
using CoachBot.Testing.Conversation;
using CoachBot.Testing.Journeys;
using CoachBot.Testing.Teams;
using Microsoft.Extensions.DependencyInjection;

namespace CoachBot.IntegrationTests.Teams;

// The install job on real PostgreSQL with the loopback Graph and Connector: claimed batches, outcomes, the managers' notice.
public sealed class InstallTeamsAppJobTests : IAsyncLifetime
{
    private const string Tenant = TeamsActivities.Tenant;
    private readonly PostgresDatabase _database = new();
    private FakeBotConnector _connector = null!;
    private FakeGraph _graph = null!;
    private CoachBotApplication _app = null!;

    public async Task InitializeAsync()
    {
        await _database.InitializeAsync();
        _connector = await FakeBotConnector.StartAsync();
        _graph = await FakeGraph.StartAsync();
        _app = new CoachBotApplication(_database).WithTeamsOutbound(_connector).WithGraph(_graph)
            .WithSetting("Teams:Graph:DefaultServiceUrl", _connector.ServiceUrl)
            .WithSetting("Teams:Graph:BatchSize", "5")
            .WithSetting("Teams:Graph:MaxConcurrency", "3");
        await _database.DataSource.ExecuteAsync("insert into workspace (platform, external_id) values ('teams', @Tenant)", new { Tenant });
    }

    public async Task DisposeAsync()
    {
        await _app.DisposeAsync();
        await _graph.DisposeAsync();
        await _connector.DisposeAsync();
        await _database.DisposeAsync();
    }

    [Fact]
    public async Task TwoInstancesRunningAtOnceInstallForEachPersonOnce()
    {
        for (var i = 0; i < 30; i++)
        {
            _graph.AddUser($"aad-{i}");
            await AddPersonAsync($"aad-{i}", $"Rep {i}", reachable: i % 2 == 0, reason: i % 2 == 0 ? null : "403 BotNotInConversationRoster");
        }

        await Task.WhenAll(RunJobAsync(), RunJobAsync());

        Assert.Equal(30, _graph.InstallBodies.Count);
        Assert.Equal(30, await _database.DataSource.ScalarAsync<long>("select count(*) from teams_conversation_reference where conversation_type = 'personal'"));
        Assert.Equal(30, await _database.DataSource.ScalarAsync<long>("select count(*) from teams_app_installation where state = 'installed'"));
        Assert.Equal(0, await _database.DataSource.ScalarAsync<long>("select count(*) from person where not reachable"));
    }

    [Fact]
    public async Task ARunAfterEveryoneIsReachedAsksGraphNothing()
    {
        _graph.AddUser("aad-1");
        await AddPersonAsync("aad-1", "Robin Remote", reachable: false, reason: "not-installed");
        await RunJobAsync();
        var calls = _graph.Calls.Count;

        await RunJobAsync();

        Assert.Equal(calls, _graph.Calls.Count);
        Assert.Single(_graph.InstallBodies);
    }

    [Fact]
    public async Task ARepGraphCannotFindIsListedAndTheirManagerIsToldOnceHoweverOftenItRuns()
    {
        var manager = await AddPersonAsync("aad-manager", "Maria Manager", reachable: true, reason: null, role: "manager");
        await _app.Services.GetRequiredService<ConversationReferenceStore>().SaveAsync(
            new TeamsConversationReference(Tenant, "a:dm-manager", TeamsConversationReference.Personal, _connector.ServiceUrl, TeamsActivities.BotId, "29:manager", "aad-manager"),
            new TeamsMember(Tenant, "aad-manager", "29:manager", _connector.ServiceUrl, TeamsActivities.BotId), default);
        await AddPersonAsync("aad-gone", "Gary Gone", reachable: true, reason: null, managerId: manager);

        await RunJobAsync();
        await RunJobAsync();

        var notices = _connector.CallsTo("POST").Where(c => c.Path == "/v3/conversations/a:dm-manager/activities")
            .Select(c => MessageReader.FromActivity(c.Body).Text).ToList();
        var notice = Assert.Single(notices);
        Assert.Contains("I can no longer reach one of your reps", notice);
        Assert.Contains("Gary Gone", notice);
        Assert.Contains("Microsoft Graph has no such user in your directory.", notice);
        Assert.Equal("graph:user-not-found", await _database.DataSource.ScalarAsync<string>("select unreachable_reason from person where platform_user_id = 'aad-gone'"));
    }

    [Fact]
    public async Task TheInstallsChatAndTheInstallActivitysChatConvergeOnOneReference()
    {
        var references = _app.Services.GetRequiredService<ConversationReferenceStore>();
        _graph.AddUser("aad-1");
        await AddPersonAsync("aad-1", "Robin Remote", reachable: false, reason: "not-installed");

        await RunJobAsync();
        var fromGraph = await references.FindPersonalAsync(Tenant, "aad-1", default);
        // Teams then sends conversationUpdate for the install, naming the same chat a:… .
        await references.SaveAsync(
            new TeamsConversationReference(Tenant, "a:install-1", TeamsConversationReference.Personal, _connector.ServiceUrl, TeamsActivities.BotId, "29:rep-1", "aad-1"),
            new TeamsMember(Tenant, "aad-1", "29:rep-1", _connector.ServiceUrl, TeamsActivities.BotId), default);
        await RunJobAsync();

        Assert.Equal(FakeGraph.ChatId("aad-1"), fromGraph!.ConversationId);
        var stored = await _database.DataSource.ScalarAsync<long>("select count(*) from teams_conversation_reference where aad_object_id = 'aad-1'");
        Assert.Equal((1L, "a:install-1"), (stored, (await references.FindPersonalAsync(Tenant, "aad-1", default))!.ConversationId));
        Assert.Single(_graph.InstallBodies);
    }

    private async Task RunJobAsync()
    {
        using var scope = _app.Services.CreateScope();
        await scope.ServiceProvider.GetRequiredService<InstallTeamsAppJob>().RunAsync(requestedBy: 0, CancellationToken.None);
    }

    private Task<long> AddPersonAsync(string aad, string name, bool reachable, string? reason, string role = "rep", long? managerId = null) =>
        _database.DataSource.ScalarAsync<long>("""
            insert into person (workspace_id, platform_user_id, display_name, role, manager_id, reachable, unreachable_reason)
            select id, @aad, @name, @role, @managerId, @reachable, @reason from workspace where external_id = @Tenant returning id
            """, new { aad, name, role, managerId, reachable, reason, Tenant });
}
