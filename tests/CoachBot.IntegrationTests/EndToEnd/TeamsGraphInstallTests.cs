using System.Net;
using CoachBot.Testing;
using CoachBot.Testing.Conversation;
using CoachBot.Testing.Journeys;
using CoachBot.Testing.Teams;

namespace CoachBot.IntegrationTests.EndToEnd;

// Issue 18 part 2: a Teams rep the bot cannot reach → the admin's `install teams` → the Graph job installs the app and
// captures the chat → the next nudge reaches the rep through the Bot Connector.
// Each test gets its own database: a stored chat from one test's fake Connector must not answer in the next.
public sealed class TeamsGraphInstallTests : IAsyncLifetime
{
    private readonly PostgresDatabase database = new();
    private const string FarRep = "aad-rep-far";
    private BotFrameworkIssuer _issuer = null!;
    private FakeBotConnector _connector = null!;
    private FakeGraph _graph = null!;

    private CoachBotApplication? _app;

    private TeamsActivities Activities => new(_connector.ServiceUrl);

    public async Task InitializeAsync()
    {
        await database.InitializeAsync();
        _issuer = await BotFrameworkIssuer.StartAsync();
        _connector = await FakeBotConnector.StartAsync();
        _graph = await FakeGraph.StartAsync();
    }

    public async Task DisposeAsync()
    {
        await _issuer.DisposeAsync();
        await _connector.DisposeAsync();
        await _graph.DisposeAsync();
        await database.DisposeAsync();
    }

    [Fact]
    public async Task AnUnreachableRepIsInstalledThroughGraphAndGetsTheNextNudge()
    {
        await using var app = NewApp().WithGraph(_graph);
        using var client = app.CreateTeamsClient(_issuer.Mint(TeamsApplication.AppId, _connector.ServiceUrl));
        var jobs = new JourneyJobs(app);
        await MakeAdminWithAnUnreachableRepAsync(client);
        _graph.AddUser(FarRep);

        var before = await PostAsync(client, "unreachable");
        var queued = await PostAsync(client, "install teams");
        var reportFrom = _connector.Calls.Count;
        await jobs.DrainAsync();
        var report = Sent(reportFrom);
        var after = await PostAsync(client, "unreachable");

        Assert.Contains("People CoachBot cannot reach (1):", before);
        Assert.Contains("Robin Remote (Teams, manager Maria Manager): CoachBot's Teams app is not installed for them. Run `install teams`", before);
        Assert.Contains("I've queued installing CoachBot's Teams app through Microsoft Graph for every Teams rep I cannot reach yet (1 marked unreachable now", queued);
        Assert.True(_graph.IsInstalled(FarRep));
        Assert.Contains("The Teams install finished for 1 person:", report);
        Assert.Contains("1 can now get nudges (1 newly installed, 0 already had CoachBot).", report);
        Assert.Contains("CoachBot can reach everyone it knows: nobody is marked unreachable.", after);

        var nudgesFrom = _connector.Calls.Count;
        await database.DataSource.ExecuteAsync(
            "update rep_schedule s set next_due_at = @now from person p where p.id = s.person_id and p.platform_user_id = @FarRep",
            new { now = app.Clock.GetUtcNow(), FarRep });
        await jobs.AdvanceToAsync(app.Clock.GetUtcNow().AddMinutes(2));

        var toRep = _connector.Calls.Skip(nudgesFrom).Where(c => c.Path == $"/v3/conversations/{FakeGraph.ChatId(FarRep)}/activities").ToList();
        var nudge = Assert.Single(toRep);
        Assert.StartsWith("Bearer bot-token-", nudge.Authorization, StringComparison.Ordinal);
        Assert.False(string.IsNullOrWhiteSpace(nudge.Body?["summary"]?.GetValue<string>()));
    }

    [Fact]
    public async Task ARepImportedOnlyByEmailIsListedInstalledThroughGraphAndGetsTheirFirstNudge()
    {
        await using var app = NewApp().WithGraph(_graph);
        using var client = app.CreateTeamsClient(_issuer.Mint(TeamsApplication.AppId, _connector.ServiceUrl));
        var jobs = new JourneyJobs(app);
        await PostAsync(client, "help");
        await database.DataSource.ExecuteAsync("update person set role = 'admin' where platform_user_id = 'aad-manager-1'");
        _graph.AddUser("aad-nia", userPrincipalName: "Nia.New@Example.com", displayName: "Nia New");

        var imported = await PostAsync(client, "import nia.new@example.com,Nia New,rep,,Europe/Berlin");
        var before = await PostAsync(client, "unreachable");
        var queued = await PostAsync(client, "install teams");
        var reportFrom = _connector.Calls.Count;
        await jobs.DrainAsync();
        var report = Sent(reportFrom);
        var after = await PostAsync(client, "unreachable");

        Assert.Contains("1 not met yet", imported);
        Assert.Contains("Nia New (Teams, no manager): They are in the roster but have never talked to CoachBot, and the Teams app is not installed for them. Run `install teams`", before);
        Assert.Contains("0 marked unreachable now, 1 in the roster who never talked to me", queued);
        Assert.Contains("1 can now get nudges (1 newly installed, 0 already had CoachBot).", report);
        Assert.Contains("CoachBot can reach everyone it knows: nobody is marked unreachable.", after);
        Assert.Equal("Nia New | nia.new@example.com | rep | Europe/Berlin", await database.DataSource.ScalarAsync<string>(
            "select concat_ws(' | ', display_name, email, role, time_zone) from person where platform_user_id = 'aad-nia'"));

        var nudgesFrom = _connector.Calls.Count;
        await database.DataSource.ExecuteAsync(
            "update rep_schedule s set next_due_at = @now from person p where p.id = s.person_id and p.platform_user_id = 'aad-nia'", new { now = app.Clock.GetUtcNow() });
        await jobs.AdvanceToAsync(app.Clock.GetUtcNow().AddMinutes(2));

        var nudge = Assert.Single(_connector.Calls.Skip(nudgesFrom), c => c.Path == $"/v3/conversations/{FakeGraph.ChatId("aad-nia")}/activities");
        Assert.False(string.IsNullOrWhiteSpace(MessageReader.FromActivity(nudge.Body).Text));
    }

    [Fact]
    public async Task WithoutGraphConfiguredInstallTeamsSaysWhatToGrantAndConfigure()
    {
        await using var app = NewApp();
        using var client = app.CreateTeamsClient(_issuer.Mint(TeamsApplication.AppId, _connector.ServiceUrl));
        await MakeAdminWithAnUnreachableRepAsync(client);

        var answer = await PostAsync(client, "install teams");

        Assert.Contains("Installing the Teams app through Microsoft Graph is not set up. Set Teams:Graph:Enabled to true and Teams:Graph:TeamsAppId", answer);
        Assert.Contains("grant the Graph application permission TeamsAppInstallation.ReadWriteSelfForUser.All with admin consent", answer);
        Assert.Contains("an app setup policy in the Teams admin center can install CoachBot for everyone", answer);
    }

    [Fact]
    public async Task WithoutThePermissionTheAdminHearsExactlyWhatToGrantAndTheRepStaysListed()
    {
        await using var app = NewApp().WithGraph(_graph);
        using var client = app.CreateTeamsClient(_issuer.Mint(TeamsApplication.AppId, _connector.ServiceUrl));
        await MakeAdminWithAnUnreachableRepAsync(client);
        _graph.AddUser(FarRep);
        _graph.FailNext(403, "Forbidden",
            "Missing role permissions on the request. API requires one of 'TeamsAppInstallation.ReadWriteSelfForUser.All, TeamsAppInstallation.ReadWriteForUser.All'. Roles on the request ''.");

        await PostAsync(client, "install teams");
        var reportFrom = _connector.Calls.Count;
        await new JourneyJobs(app).DrainAsync();
        var report = Sent(reportFrom);
        var listed = await PostAsync(client, "unreachable");
        var brief = await PostAsync(client, "brief @Robin Remote");

        Assert.False(_graph.IsInstalled(FarRep));
        Assert.Contains("1 not installed: Microsoft Graph refused to install CoachBot: the app registration lacks the permission.", report);
        Assert.Contains("add the Microsoft Graph application permission TeamsAppInstallation.ReadWriteSelfForUser.All (or TeamsAppInstallation.ReadWriteForUser.All), select Grant admin consent", report);
        Assert.Contains("Robin Remote (Teams, manager Maria Manager): Microsoft Graph refused to install CoachBot", listed);
        Assert.Contains("CoachBot cannot reach Robin Remote, so their nudges are on hold: Microsoft Graph refused to install CoachBot", brief);
    }

    [Fact]
    public async Task AManagerWhoIsNoAdminIsToldWhoCanInstall()
    {
        await using var app = NewApp().WithGraph(_graph);
        using var client = app.CreateTeamsClient(_issuer.Mint(TeamsApplication.AppId, _connector.ServiceUrl));
        await MakeAdminWithAnUnreachableRepAsync(client, role: "manager");

        var install = await PostAsync(client, "install teams");
        var list = await PostAsync(client, "unreachable");

        Assert.Contains("Only CoachBot admins can install the Teams app for people. Ask an admin to run `install teams`.", install);
        Assert.Contains("Only CoachBot admins can list unreachable people.", list);
        Assert.Empty(_graph.Calls);
    }

    private CoachBotApplication NewApp() => _app = new CoachBotApplication(database)
        .WithTeams(_issuer, _connector).WithSetting("Teams:ManagerChannelId", TeamsActivities.ManagersChannel).WithFakeClock();

    /// <summary>Maria (admin or manager) has spoken in the managers' channel; her rep Robin never had a chat CoachBot could use.</summary>
    private async Task MakeAdminWithAnUnreachableRepAsync(HttpClient client, string role = "admin")
    {
        await PostAsync(client, "help");
        await database.DataSource.ExecuteAsync("""
            update person set role = @role where platform_user_id = 'aad-manager-1';
            with rep as (
                insert into person (workspace_id, platform_user_id, display_name, manager_id, reachable, unreachable_reason)
                select workspace_id, @FarRep, 'Robin Remote', id, false, '403 BotNotInConversationRoster' from person where platform_user_id = 'aad-manager-1'
                on conflict (workspace_id, platform_user_id) do update set reachable = false, unreachable_reason = excluded.unreachable_reason
                returning id, workspace_id),
            profile as (insert into rep_profile (person_id, race) select id, 'sprint' from rep on conflict do nothing)
            insert into rep_schedule (person_id, workspace_id, next_due_at) select id, workspace_id, 'infinity' from rep
            on conflict (person_id) do update set next_due_at = 'infinity'
            """, new { role, FarRep });
    }

    private string Sent(int from) => string.Join('\n', _connector.Calls.Skip(from).Select(c => MessageReader.FromActivity(c.Body).Text));

    private async Task<string> PostAsync(HttpClient client, string text)
    {
        var before = _connector.Calls.Count;
        using var response = await client.PostActivityAsync(Activities.ChannelMention(text));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var said = Sent(before);
        Assert.True(said.Length > 0, $"no answer to \"{text}\":\n" + string.Join("\n", _app!.Logs.Lines.Where(l => !l.StartsWith("Debug", StringComparison.Ordinal) && !l.StartsWith("Trace", StringComparison.Ordinal))));
        return said;
    }
}
