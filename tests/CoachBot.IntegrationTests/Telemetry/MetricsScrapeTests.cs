using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using CoachBot.Coaching.Escalations;
using CoachBot.IntegrationTests.EndToEnd;
using CoachBot.Testing;

namespace CoachBot.IntegrationTests.Telemetry;

// GET /metrics on a running CoachBot after a nudge, an acknowledged escalation and a 429 went through the fake Slack;
// the Grafana dashboard in deploy/ is checked against what it serves, so neither can drift from the other.
[Collection(TelemetryCollection.Name)]
public sealed partial class MetricsScrapeTests(PostgresDatabase database) : IClassFixture<PostgresDatabase>
{
    private const string AdminKey = "admin-key-0123456789abcdef";
    private const string ViewerKey = "viewer-key-0123456789abcdef";

    private static readonly HashSet<string> PromQlWords = ["by", "without", "on", "ignoring", "group_left", "group_right", "offset", "bool", "and", "or", "unless"];

    [Fact]
    public async Task TheScrapeShowsWhatHappenedInPrometheusNames()
    {
        await using var team = await StartAsync();

        var scrape = await DriveAndScrapeAsync(team);

        Assert.Contains("coachbot_nudges_total{otel_scope_name=\"CoachBot\",platform=\"slack\",state=\"sent\"} 1", scrape);
        Assert.Contains("coachbot_nudges_total{otel_scope_name=\"CoachBot\",platform=\"slack\",state=\"retry\"} 1", scrape);
        Assert.Matches(@"coachbot_platform_rate_limited_total\{otel_scope_name=""CoachBot"",rate_key=""slack:T\w+:post""\} 1", scrape);
        Assert.Matches(@"coachbot_platform_retry_after_seconds_sum\{otel_scope_name=""CoachBot"",rate_key=""slack:T\w+:post""\} 7\n", scrape);
        Assert.Contains("coachbot_escalations_total{otel_scope_name=\"CoachBot\",state=\"acknowledged\"} 1", scrape);
        Assert.Contains("coachbot_escalation_time_to_ack_seconds_sum{otel_scope_name=\"CoachBot\"} 1500", scrape);
        Assert.Contains("coachbot_ack_duration_seconds_count{otel_scope_name=\"CoachBot\",endpoint=\"/slack/interactions\"}", scrape);
        // Attributes are names and keys only: no message text, no tokens.
        Assert.DoesNotContain("xoxb-", scrape);
    }

    [Fact]
    public async Task EveryMetricTheGrafanaDashboardQueriesIsServedAndEveryCoachBotMetricIsOnIt()
    {
        await using var team = await StartAsync();
        var served = SampleNames(await DriveAndScrapeAsync(team));

        var queried = DashboardMetricNames();

        Assert.NotEmpty(queried);
        Assert.All(queried, name => Assert.True(served.Contains(name), $"the dashboard queries {name}, which CoachBot does not serve"));
        var families = served.Where(n => n.StartsWith("coachbot_", StringComparison.Ordinal)).Select(Family).ToHashSet();
        var charted = queried.Select(Family).ToHashSet();
        Assert.All(families, family => Assert.True(charted.Contains(family), $"CoachBot serves {family}, which no dashboard panel shows"));
    }

    [Theory]
    [InlineData(null)]
    [InlineData("Bearer not-the-key")]
    [InlineData("Basic b3BzOndyb25n")]
    public async Task MetricsRefusesCallersWithoutADashboardKey(string? authorization)
    {
        await using var team = await StartAsync();
        using var client = team.App.CreateClient();
        var request = new HttpRequestMessage(HttpMethod.Get, "/metrics");
        if (authorization is not null)
        {
            request.Headers.Authorization = AuthenticationHeaderValue.Parse(authorization);
        }

        using var response = await client.SendAsync(request);

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.DoesNotContain("coachbot_", await response.Content.ReadAsStringAsync());
        Assert.StartsWith("Basic", response.Headers.WwwAuthenticate.ToString());
    }

    [Fact]
    public async Task TheAdminKeyAsABasicPasswordOpensMetricsToo()
    {
        await using var team = await StartAsync();

        var scrape = await ScrapeAsync(team, new AuthenticationHeaderValue("Basic", Convert.ToBase64String(Encoding.UTF8.GetBytes($"prometheus:{AdminKey}"))));

        Assert.Contains("target_info", scrape);
    }

    [Fact]
    public async Task WithoutADashboardKeyMetricsIsNotMapped()
    {
        await using var team = await SlackTeam.StartAsync(database);
        using var client = team.App.CreateClient();

        using var response = await client.GetAsync("/metrics");

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
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

    private static async Task<string> ScrapeAsync(SlackTeam team, AuthenticationHeaderValue auth)
    {
        using var client = team.App.CreateClient();
        using var response = await client.SendAsync(new HttpRequestMessage(HttpMethod.Get, "/metrics") { Headers = { Authorization = auth } });
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return await response.Content.ReadAsStringAsync();
    }

    // The exposition's sample names (histograms as their _bucket, _sum and _count series).
    private static HashSet<string> SampleNames(string scrape) =>
        [.. scrape.Split('\n').Where(l => l.Length > 0 && l[0] != '#').Select(l => l[..l.IndexOfAny(['{', ' '])])];

    private static string Family(string name) => HistogramSeries().Replace(name, "");

    private static HashSet<string> DashboardMetricNames()
    {
        var dashboard = JsonNode.Parse(File.ReadAllText(Path.Combine(Root(), "deploy", "grafana", "coachbot-dashboard.json")))!;
        var names = new HashSet<string>();
        foreach (var expr in Expressions(dashboard))
        {
            // Labels, strings, ranges, grouping lists and Grafana variables hold no metric names; what is left and
            // is not a function call or a keyword is a metric.
            var bare = Quoted().Replace(expr, "");
            bare = Braces().Replace(bare, "");
            bare = Ranges().Replace(bare, "");
            bare = Grouping().Replace(bare, "");
            bare = Variables().Replace(bare, "");
            foreach (Match token in Identifier().Matches(bare))
            {
                if (!token.Groups["call"].Success && !PromQlWords.Contains(token.Groups["name"].Value))
                {
                    names.Add(token.Groups["name"].Value);
                }
            }
        }

        return names;
    }

    private static IEnumerable<string> Expressions(JsonNode? node) => node switch
    {
        JsonObject o => o.SelectMany(p => p.Key == "expr" && p.Value is JsonValue v ? [v.GetValue<string>()] : Expressions(p.Value)),
        JsonArray a => a.SelectMany(Expressions),
        _ => [],
    };

    private static string Root()
    {
        var directory = new DirectoryInfo(AppContext.BaseDirectory);
        while (directory is not null && !File.Exists(Path.Combine(directory.FullName, "CoachBot.sln")))
        {
            directory = directory.Parent;
        }

        return directory!.FullName;
    }

    [GeneratedRegex("\"[^\"]*\"")]
    private static partial Regex Quoted();

    [GeneratedRegex(@"\{[^}]*\}")]
    private static partial Regex Braces();

    [GeneratedRegex(@"\[[^\]]*\]")]
    private static partial Regex Ranges();

    [GeneratedRegex(@"\b(by|without|on|ignoring|group_left|group_right)\s*\([^)]*\)")]
    private static partial Regex Grouping();

    [GeneratedRegex(@"\$\w+")]
    private static partial Regex Variables();

    [GeneratedRegex(@"(?<![\w.])(?<name>[a-zA-Z_:][a-zA-Z0-9_:]*)(?<call>\s*\()?")]
    private static partial Regex Identifier();

    [GeneratedRegex("_(bucket|sum|count)$")]
    private static partial Regex HistogramSeries();
}
