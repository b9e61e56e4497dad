using System.Net;
using System.Text.Json.Nodes;
using CoachBot.Coaching.People;
using CoachBot.Testing;
using CoachBot.Testing.Slack;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace CoachBot.Bot.Tests.Slack;

/// <summary>
/// What one Slack request costs PostgreSQL before it is answered, counted on the wire (<see cref="PgRoundTripCounter"/>
/// sits between the app and the server): a known person's <c>/coach help</c> one round trip (the replay marker), a first
/// contact two (marker, then the whole registration), a known rep's message.im one before the ack (the work goes
/// durably through the job). Each failure lists the statements of every round trip.
/// </summary>
public sealed class SlackRoundTripTests(PostgresDatabase database) : IClassFixture<PostgresDatabase>, IAsyncLifetime
{
    private const string HelpLine = "Here's what I understand";
    private PgRoundTripCounter _wire = null!;
    private FakeSlackServer _slack = null!;
    private CoachBotApplication _app = null!;
    private SlackTestClient _client = null!;

    public async Task InitializeAsync()
    {
        _wire = PgRoundTripCounter.To(database.ConnectionString);
        _slack = await FakeSlackServer.StartAsync();
        _slack.AddUser("U0NEW", "Nia Newcomer", "Europe/Lisbon", "nia@example.com");
        _slack.AddUser("U0KNOWN", "Kai Known", "Europe/Berlin", "kai@example.com");
        _app = new CoachBotApplication(database).WithSlackAndRealCore(_slack)
            .WithSetting("ConnectionStrings:CoachBot", _wire.Through(database.ConnectionString));
        _client = _app.CreateSignedSlackClient();
        await ReadyAsync(_app);
    }

    public async Task DisposeAsync()
    {
        _client.Dispose();
        await _app.DisposeAsync();
        await _slack.DisposeAsync();
        await _wire.DisposeAsync();
    }

    [Fact]
    public async Task AFirstContactCostsTwoRoundTripsAndTheNextCommandOne()
    {
        // Someone else in the workspace wrote first: the workspace's Slack token is cached for every caller (15 s), so what
        // is counted below is what a person's own first contact costs.
        await CommandAsync("U0KNOWN", "help");

        var mark = _wire.Mark();
        var first = await CommandAsync("U0NEW", "help");
        var firstTrips = Trips(mark);

        Assert.Contains("Nia", first);
        Assert.Contains(HelpLine, first);
        Assert.True(firstTrips.Count <= 2, Describe("first contact", firstTrips));

        mark = _wire.Mark();
        var second = await CommandAsync("U0NEW", "help");
        var secondTrips = Trips(mark);

        Assert.Contains(HelpLine, second);
        Assert.DoesNotContain("Nia", second);
        Assert.True(secondTrips.Count <= 1, Describe("known person's /coach help", secondTrips));
    }

    [Fact]
    public async Task AKnownRepsDirectMessageCostsOneRoundTripBeforeTheAckAndIsAnsweredByTheJob()
    {
        await CommandAsync("U0KNOWN", "help");

        var mark = _wire.Mark();
        using var ack = await _client.PostEventAsync(SlackPayloads.EventCallback(SlackPayloads.DirectMessage("U0KNOWN", "help")));
        var trips = Trips(mark);

        Assert.Equal(HttpStatusCode.OK, ack.StatusCode);
        Assert.True(trips.Count <= 1, Describe("message.im ack", trips));
        Assert.Empty(_slack.MessagesIn(FakeSlackServer.DirectChannel("U0KNOWN")));

        Assert.Equal(1, await _app.RunPendingSlackJobsAsync());
        var answer = Assert.Single(_slack.MessagesIn(FakeSlackServer.DirectChannel("U0KNOWN")));
        Assert.Contains(HelpLine, (string?)answer["text"]);
    }

    private async Task<string> CommandAsync(string user, string text)
    {
        using var response = await _client.PostCommandAsync(SlackPayloads.Command(user, text, _slack.NewResponseUrl(), channel: FakeSlackServer.DirectChannel(user)));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var answer = JsonNode.Parse(await response.Content.ReadAsStringAsync())!;
        Assert.Equal("ephemeral", (string?)answer["response_type"]);
        return (string?)answer["text"] ?? "";
    }

    // The schema guard's periodic check runs on its own timer, not for a request.
    private IReadOnlyList<PgRoundTripCounter.RoundTrip> Trips(long mark) =>
        [.. _wire.Since(mark).Where(t => !t.Sql.Any(s => s.Contains("schemaversions", StringComparison.Ordinal)))];

    private static string Describe(string what, IReadOnlyList<PgRoundTripCounter.RoundTrip> trips) =>
        $"{what}: {trips.Count} round trips\n{string.Join('\n', trips)}";

    /// <summary>Startup recorded the workspace (auth.test) and the people cache listens, so nothing races a count.</summary>
    internal static async Task ReadyAsync(CoachBotApplication app)
    {
        // The class's database outlives each app: a row from an earlier test proves nothing about this app's start-up,
        // whose workspace upsert would otherwise land inside a count. Wait for the start-up service itself to finish.
        var startup = app.Services.GetServices<IHostedService>().OfType<CoachBot.Bot.Slack.SlackStartupService>().Single();
        await startup.ExecuteTask!.WaitAsync(TimeSpan.FromSeconds(10));
        var cache = app.Services.GetRequiredService<PeopleCache>();
        for (var i = 0; i < 400 && !(cache.IsLive && await WorkspaceKnownAsync(app)); i++)
        {
            await Task.Delay(25);
        }

        Assert.True(cache.IsLive, "the people cache never started listening");
    }

    private static async Task<bool> WorkspaceKnownAsync(CoachBotApplication app)
    {
        await using var command = app.Database.DataSource.CreateCommand("select count(*) from workspace where external_id = $1 and bot_user_id is not null");
        command.Parameters.AddWithValue(FakeSlackServer.TeamId);
        return (long)(await command.ExecuteScalarAsync())! > 0;
    }
}
