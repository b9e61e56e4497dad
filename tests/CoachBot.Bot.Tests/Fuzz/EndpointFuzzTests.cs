using System.Diagnostics;
using CoachBot.Testing;
using CoachBot.Testing.Demo;
using CoachBot.Testing.Slack;
using CoachBot.Testing.Teams;
using Npgsql;
using Xunit.Abstractions;

namespace CoachBot.Bot.Tests.Fuzz;

// Seeded, bounded fuzzing of every endpoint over real HTTP with the real core and real PostgreSQL: validly signed (or
// token-carrying) requests with mutated bodies and framing. No answer may be a 5xx (save the protocol's 501 to an invoke name
// CoachBot does not handle, teams-platform.md 5.2), and a refused request writes no row.
// About 10,000 requests in all (8,700 + 1,300), which took 35-45 s on a 2-core machine; the summary goes to the test output.
public sealed class EndpointFuzzTests(PostgresDatabase database, ITestOutputHelper output) : IClassFixture<PostgresDatabase>
{
    private const int Seed = 20261203;

    [Fact]
    public async Task NoSlackTeamsDashboardOrHealthRequestGetsA5xxOrWritesWhenRefused()
    {
        await using var slack = await FakeSlackServer.StartAsync();
        slack.AddUser("U0ANA", "Ana Silva", "Europe/Lisbon", "ana@example.com");
        await using var issuer = await BotFrameworkIssuer.StartAsync();
        await using var connector = await FakeBotConnector.StartAsync();
        await using var app = new CoachBotApplication(database).WithSlackAndRealCore(slack).WithTeams(issuer, connector)
            .WithSetting("Slack:ClientId", slack.ClientId)
            .WithSetting("Slack:ClientSecret", slack.ClientSecret)
            .WithSetting("Slack:OAuthRedirectUrl", SlackInstallFlow.RedirectUrl)
            .WithSetting("Slack:OAuthAuthorizeUrl", slack.AuthorizeUrl.ToString())
            .WithSetting("Slack:TokenEncryptionKey", SlackInstallFlow.EncryptionKey)
            .WithSetting("Slack:InstallStartsPerMinute", "200")
            .WithSetting("Jobs:DashboardAdminKey", FuzzCorpus.AdminKey)
            .WithSetting("Jobs:DashboardViewerKey", FuzzCorpus.ViewerKey);
        var baseUrl = app.StartOnLoopback();
        await WaitForSlackStartupAsync();
        var corpus = new FuzzCorpus(new Random(Seed), connector.ServiceUrl, slack.NewResponseUrl());
        var token = issuer.Mint(TeamsApplication.AppId, connector.ServiceUrl);

        var tally = await RunAsync(baseUrl, "Slack, Teams (Bot Framework tokens), dashboard, health",
            (2_400, corpus.SlackEvent), (1_400, corpus.SlackCommand), (1_400, corpus.SlackInteraction),
            (1_400, () => corpus.Teams("teams /api/messages (jwt)", token)),
            (500, corpus.Install), (600, corpus.OAuthRedirect), (600, corpus.Dashboard), (400, corpus.Health));

        Assert.Empty(tally.ServerErrors);
        Assert.Empty(tally.RejectedWrites);
    }

    [Fact]
    public async Task NoTeamsRequestInLocalNoAuthModeGetsA5xxOrWritesWhenRefused()
    {
        await using var connector = await FakeBotConnector.StartAsync();
        // Both spellings of the local mode: an empty AppId today, plus the explicit opt-in the Teams work adds.
        await using var app = new CoachBotApplication(database).WithTeamsLocalMode(connector).WithSetting("Teams:LocalNoAuth", "true");
        var baseUrl = app.StartOnLoopback();
        var corpus = new FuzzCorpus(new Random(Seed + 1), connector.ServiceUrl, new Uri("http://127.0.0.1/unused"));

        var tally = await RunAsync(baseUrl, "Teams local no-auth mode", (1_300, () => corpus.Teams("teams /api/messages (local)", token: null)));

        Assert.Empty(tally.ServerErrors);
        Assert.Empty(tally.RejectedWrites);
    }

    private async Task<FuzzTally> RunAsync(Uri baseUrl, string title, params (int Count, Func<FuzzCase> Next)[] endpoints)
    {
        var writes = new TableWrites(database.DataSource);
        await writes.InstallAsync();
        var tally = new FuzzTally();
        using var runner = new FuzzRunner(baseUrl, writes, tally);
        var clock = Stopwatch.StartNew();

        // Interleaved by a seeded shuffle, so one endpoint's state (dedupe keys, rate limits) meets the others' requests.
        var random = new Random(Seed);
        var plan = endpoints.SelectMany(e => Enumerable.Repeat(e.Next, e.Count)).OrderBy(_ => random.Next()).ToList();
        foreach (var next in plan)
        {
            await runner.RunAsync(next());
        }

        output.WriteLine(tally.Summary(title, clock.Elapsed));
        return tally;
    }

    private async Task WaitForSlackStartupAsync()
    {
        for (var i = 0; i < 200; i++)
        {
            await using var command = database.DataSource.CreateCommand("select count(*) from workspace where external_id = $1 and bot_user_id is not null");
            command.Parameters.AddWithValue(FakeSlackServer.TeamId);
            if ((long)(await command.ExecuteScalarAsync())! > 0)
            {
                return;
            }

            await Task.Delay(50);
        }
    }
}
