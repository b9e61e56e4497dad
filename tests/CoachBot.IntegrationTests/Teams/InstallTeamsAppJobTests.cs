using CoachBot.Coaching.Chat;
using CoachBot.Coaching.Managers;
using CoachBot.Coaching.People;
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

    [Fact]
    public async Task ARosterRowKnownOnlyByEmailBecomesAPersonWithTheRostersRoleAndManagerAndGetsTheApp()
    {
        await AddPersonAsync("aad-manager", "Maria Manager", reachable: true, reason: null, role: "manager", email: "maria@example.com");
        await AddRosterAsync("nia@example.com", "Nia N.", "rep", manager: "maria@example.com", zone: "Europe/Berlin");
        _graph.AddUser("aad-nia", userPrincipalName: "Nia@Example.com", displayName: "Nia New");

        await RunJobAsync();

        var nia = await _database.DataSource.ScalarAsync<string>("""
            select concat_ws(' | ', display_name, email, role, (select display_name from person m where m.id = p.manager_id), time_zone, reachable)
            from person p where platform_user_id = 'aad-nia'
            """);
        Assert.Equal("Nia New | nia@example.com | rep | Maria Manager | Europe/Berlin | t", nia);
        Assert.Contains(_graph.Calls, c => c.StartsWith("GET /v1.0/users/nia@example.com?$select=id,displayName,mail,userPrincipalName ", StringComparison.Ordinal));
        Assert.True(_graph.IsInstalled("aad-nia"));
        var chat = await _app.Services.GetRequiredService<ConversationReferenceStore>().FindPersonalAsync(Tenant, "aad-nia", default);
        Assert.Equal(FakeGraph.ChatId("aad-nia"), chat!.ConversationId);
        Assert.Equal(1, await _database.DataSource.ScalarAsync<long>("select count(*) from rep_schedule s join person p on p.id = s.person_id where p.platform_user_id = 'aad-nia'"));
        Assert.Equal("resolved", await _database.DataSource.ScalarAsync<string>("select state from roster_install where email = 'nia@example.com'"));
    }

    [Fact]
    public async Task ARosterEmailNotInTheTenantStaysARosterRowAndUnreachableSaysToCheckTheEmail()
    {
        var admin = await AddPersonAsync("aad-admin", "Ada Admin", reachable: true, reason: null, role: "admin", email: "ada@example.com");
        await AddRosterAsync("typo@exmaple.com", "Tim Typo", "rep", manager: "ada@example.com", zone: null);
        _graph.AddUser("aad-admin");

        await RunJobAsync();
        await RunJobAsync();
        var listed = await UnreachableAsync(admin);

        Assert.Equal(0, await _database.DataSource.ScalarAsync<long>("select count(*) from person where lower(email) = 'typo@exmaple.com'"));
        Assert.Equal(2, _graph.Calls.Count(c => c.StartsWith("GET /v1.0/users/typo@exmaple.com", StringComparison.Ordinal)));
        Assert.Contains("People CoachBot cannot reach (1):", listed);
        Assert.Contains("• Tim Typo (Teams, manager Ada Admin): Their roster email was not found in your Microsoft 365 tenant. Check the email in the roster", listed);
    }

    [Fact]
    public async Task ARosterRowNobodyHasRunTheInstallForIsListedAsNeverTalkedToCoachBot()
    {
        var admin = await AddPersonAsync("aad-admin", "Ada Admin", reachable: true, reason: null, role: "admin", email: "ada@example.com");
        await AddRosterAsync("new@example.com", "Nora <b>New</b>", "rep", manager: null, zone: null);

        var listed = await UnreachableAsync(admin);

        Assert.Contains("Nora <b>New</b>", listed);
        Assert.Contains("(Teams, no manager): They are in the roster but have never talked to CoachBot, and the Teams app is not installed for them. Run `install teams`", listed);
    }

    [Fact]
    public async Task WithoutUserReadAllTheLookupsStopAtTheFirstRefusalsAndSayWhatToGrant()
    {
        for (var i = 0; i < 7; i++)
        {
            _graph.AddUser($"aad-r{i}", userPrincipalName: $"r{i}@example.com");
            await AddRosterAsync($"r{i}@example.com", $"Rep {i}", "rep", manager: null, zone: null);
        }

        _graph.FailNext(403, "Authorization_RequestDenied", "Insufficient privileges to complete the operation.", times: 3);

        await RunJobAsync();

        Assert.Equal(3, _graph.Calls.Count(c => c.StartsWith("GET /v1.0/users/", StringComparison.Ordinal)));
        Assert.Empty(_graph.InstallBodies);
        Assert.Equal(5, await _database.DataSource.ScalarAsync<long>("select count(*) from roster_install where reason = 'graph:user-read-missing'"));
        Assert.Equal(0, await _database.DataSource.ScalarAsync<long>("select count(*) from person where email like 'r%@example.com'"));
    }

    [Fact]
    public async Task ARepUnreachableOnTeamsButReachableOnSlackIsListedAsReachableOnSlack()
    {
        var admin = await AddPersonAsync("aad-admin", "Ada Admin", reachable: true, reason: null, role: "admin", email: "ada@example.com");
        var pat = await AddPersonAsync("aad-pat", "Pat Two", reachable: false, reason: "403 BotNotInConversationRoster", email: "Pat@Example.com");
        var lee = await AddPersonAsync("aad-lee", "Lee Lost", reachable: false, reason: "403 ConversationBlockedByUser", email: "lee@example.com");
        await _database.DataSource.ExecuteAsync("""
            with ws as (insert into workspace (platform, external_id) values ('slack', 'T-both') returning id)
            insert into person (workspace_id, platform_user_id, display_name, email, reachable, unreachable_reason)
            select id, 'U-pat', 'Pat Two', 'pat@example.com', true, null from ws
            union all select id, 'U-lee', 'Lee Lost', 'lee@example.com', false, 'account_inactive' from ws
            """);

        var listed = await UnreachableAsync(admin);
        var briefs = _app.Services.GetRequiredService<BriefService>();
        var patBrief = (await briefs.ForRepAsync(pat, default))!.Blocks.OfType<SectionBlock>().Select(b => b.Text).ToList();
        var leeBrief = (await briefs.ForRepAsync(lee, default))!.Blocks.OfType<SectionBlock>().Select(b => b.Text).ToList();

        Assert.DoesNotContain(patBrief, t => t.Contains("cannot reach", StringComparison.Ordinal));
        // This rep's own platform first, then the other's.
        Assert.Contains(leeBrief, t => t.Contains("so their nudges are on hold: On Teams: They blocked or removed CoachBot in Teams.", StringComparison.Ordinal)
            && t.Contains("On Slack: Their Slack account is deactivated or gone.", StringComparison.Ordinal));
        Assert.Contains("People CoachBot cannot reach (1):", listed);
        Assert.Contains("• Lee Lost (Slack and Teams, no manager): On Slack: Their Slack account is deactivated or gone.", listed);
        Assert.Contains("On Teams: They blocked or removed CoachBot in Teams.", listed);
        Assert.Contains("Reachable on another platform, so not lost (1):\n• Pat Two: reachable on Slack, not on Teams. CoachBot's Teams app is not installed for them.", listed);
        Assert.Single(listed.Split('\n'), l => l.Contains("Lee Lost", StringComparison.Ordinal));
    }

    private async Task<string> UnreachableAsync(long adminId)
    {
        var admin = await _app.Services.GetRequiredService<PersonDirectory>().GetAsync(adminId, default);
        var result = await _app.Services.GetRequiredService<ReachCommands>().UnreachableAsync(admin!, default);
        // The chat renderers strip the marks around people's words (and escape them); here the words are read as typed.
        return string.Join("\n", result.Reply.Messages.Select(m => m.Text)).Replace("\uFFF9", "", StringComparison.Ordinal).Replace("\uFFFB", "", StringComparison.Ordinal);
    }

    private Task AddRosterAsync(string email, string name, string role, string? manager, string? zone) =>
        _database.DataSource.ExecuteAsync("""
            insert into roster_entry (workspace_id, email, display_name, role, manager_email, time_zone, imported_at)
            select id, @email, @name, @role, @manager, @zone, now() from workspace where external_id = @Tenant
            """, new { email, name, role, manager, zone, Tenant });

    private async Task RunJobAsync()
    {
        using var scope = _app.Services.CreateScope();
        await scope.ServiceProvider.GetRequiredService<InstallTeamsAppJob>().RunAsync(requestedBy: 0, CancellationToken.None);
    }

    private Task<long> AddPersonAsync(string aad, string name, bool reachable, string? reason, string role = "rep", long? managerId = null, string? email = null) =>
        _database.DataSource.ScalarAsync<long>("""
            insert into person (workspace_id, platform_user_id, display_name, role, manager_id, reachable, unreachable_reason, email)
            select id, @aad, @name, @role, @managerId, @reachable, @reason, @email from workspace where external_id = @Tenant returning id
            """, new { aad, name, role, managerId, reachable, reason, Tenant, email });
}
