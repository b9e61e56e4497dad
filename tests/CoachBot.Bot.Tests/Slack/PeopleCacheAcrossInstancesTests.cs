using System.Diagnostics;
using System.Net;
using System.Text.Json.Nodes;
using CoachBot.Testing;
using CoachBot.Testing.Slack;

namespace CoachBot.Bot.Tests.Slack;

/// <summary>
/// Two CoachBot instances on one database, each with its people cache. A change made through instance A (an admin's
/// `managers add`, a rep's `style`) must show in instance B's next answers although B had the old state cached: the
/// writers' triggers announce it and B's feed evicts it. Without the announcement B would serve the cached state for
/// the cache's whole lifetime (5 minutes), far past the deadline here.
/// </summary>
public sealed class PeopleCacheAcrossInstancesTests(PostgresDatabase database) : IClassFixture<PostgresDatabase>, IAsyncLifetime
{
    private static readonly TimeSpan Deadline = TimeSpan.FromSeconds(15);
    private FakeSlackServer _slack = null!;
    private CoachBotApplication _a = null!;
    private CoachBotApplication _b = null!;
    private SlackTestClient _clientA = null!;
    private SlackTestClient _clientB = null!;

    public async Task InitializeAsync()
    {
        _slack = await FakeSlackServer.StartAsync();
        _slack.AddUser("U0ADA", "Ada Admin", "Europe/London", "ada@example.com");
        _slack.AddUser("U0SAM", "Sam Seller", "Europe/London", "sam@example.com");
        _a = new CoachBotApplication(database).WithSlackAndRealCore(_slack).WithSetting("Coaching:Admins:0", "ada@example.com");
        _b = new CoachBotApplication(database).WithSlackAndRealCore(_slack).WithSetting("Coaching:Admins:0", "ada@example.com");
        _clientA = _a.CreateSignedSlackClient();
        _clientB = _b.CreateSignedSlackClient();
        await SlackRoundTripTests.ReadyAsync(_a);
        await SlackRoundTripTests.ReadyAsync(_b);
    }

    public async Task DisposeAsync()
    {
        _clientA.Dispose();
        _clientB.Dispose();
        await _a.DisposeAsync();
        await _b.DisposeAsync();
        await _slack.DisposeAsync();
    }

    [Fact]
    public async Task ARoleGrantedOnOneInstanceChangesWhatTheOtherAnswers()
    {
        await CommandAsync(_clientB, "U0SAM", "help");
        Assert.Contains("Here's what I understand", await CommandAsync(_clientB, "U0SAM", "help"));

        Assert.Contains("Sam Seller is now a manager", await CommandAsync(_clientA, "U0ADA", "managers add <@U0SAM>"));

        var answer = await EventuallyAsync(() => CommandAsync(_clientB, "U0SAM", "help"), text => text.Contains("Manager commands:", StringComparison.Ordinal));
        Assert.DoesNotContain("Here's what I understand", answer);
    }

    [Fact]
    public async Task ARepsStyleSetOnOneInstanceIsWhatTheOtherShows()
    {
        await CommandAsync(_clientB, "U0SAM", "help");
        Assert.Contains("isn't set yet", await CommandAsync(_clientB, "U0SAM", "style"));

        Assert.Contains("Style set to Driver", await CommandAsync(_clientA, "U0SAM", "style driver"));

        await EventuallyAsync(() => CommandAsync(_clientB, "U0SAM", "style"), text => text.Contains("Your style: Driver", StringComparison.Ordinal));
    }

    private async Task<string> CommandAsync(SlackTestClient client, string user, string text)
    {
        using var response = await client.PostCommandAsync(SlackPayloads.Command(user, text, _slack.NewResponseUrl(), channel: FakeSlackServer.DirectChannel(user)));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return (string?)JsonNode.Parse(await response.Content.ReadAsStringAsync())!["text"] ?? "";
    }

    // The announcement travels asynchronously (after A's commit, through B's LISTEN connection): B's answer is expected to
    // change within the deadline, and the last answer is reported if it never does.
    private static async Task<string> EventuallyAsync(Func<Task<string>> ask, Func<string, bool> changed)
    {
        var clock = Stopwatch.StartNew();
        var answer = await ask();
        while (!changed(answer) && clock.Elapsed < Deadline)
        {
            await Task.Delay(50);
            answer = await ask();
        }

        Assert.True(changed(answer), $"still answered after {Deadline.TotalSeconds:0} s: {answer}");
        return answer;
    }
}
