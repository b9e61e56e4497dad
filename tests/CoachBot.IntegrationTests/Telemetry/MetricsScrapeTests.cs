using System.Net;
using System.Net.Http.Headers;
using CoachBot.Coaching.Escalations;
using CoachBot.IntegrationTests.EndToEnd;
using CoachBot.Testing;

namespace CoachBot.IntegrationTests.Telemetry;

// GET /metrics on a running CoachBot after a nudge, an acknowledged escalation and a 429 went through the fake Slack.
public sealed class MetricsScrapeTests(PostgresDatabase database) : IClassFixture<PostgresDatabase>
{
    private const string AdminKey = "admin-key-0123456789abcdef";
    private const string ViewerKey = "viewer-key-0123456789abcdef";

    [Fact]
    public async Task DumpScrape()
    {
        await using var team = await StartAsync();
        var text = await DriveAndScrapeAsync(team);
        File.WriteAllText("/tmp/otel-scrape.txt", text);
    }

    private Task<SlackTeam> StartAsync() => SlackTeam.StartAsync(database, configure: app => app
        .WithSetting("Jobs:DashboardAdminKey", AdminKey)
        .WithSetting("Jobs:DashboardViewerKey", ViewerKey));

    private static async Task<string> DriveAndScrapeAsync(SlackTeam team)
    {
        await team.ImportRosterAsync();
        await team.NeedHelpAndShareAsync(await team.NudgeRepAsync());
        team.App.Clock.Advance(TimeSpan.FromMinutes(25));
        await team.PressAsync(SlackTeam.Manager, SlackTeam.Channel, team.LastWithButton(SlackTeam.Channel, EscalationActions.Acknowledge), EscalationActions.Acknowledge);
        team.App.Clock.Advance(TimeSpan.FromDays(1));
        team.Slack.RateLimitNext("chat.postMessage", retryAfterSeconds: 7);
        await team.NudgeRepAsync();
        return await ScrapeAsync(team, new AuthenticationHeaderValue("Bearer", ViewerKey));
    }

    private static async Task<string> ScrapeAsync(SlackTeam team, AuthenticationHeaderValue? auth)
    {
        using var client = team.App.CreateClient();
        using var response = await client.SendAsync(new HttpRequestMessage(HttpMethod.Get, "/metrics") { Headers = { Authorization = auth } });
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return await response.Content.ReadAsStringAsync();
    }
}
