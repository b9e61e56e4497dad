using System.Diagnostics;
using System.Globalization;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;

namespace CoachBot.Benchmarks;

/// <summary>
/// The machine's own limit for scenario c (`plain` mode, a child process like a worker): the same messages to the same
/// fakes (a Slack chat.postMessage per Slack rep with its workspace's bot token and a delivery id in metadata, a Teams
/// activity per Teams rep with a client-credentials token), at the product's concurrency (Hangfire workers × send
/// concurrency), with no database, no ledger, no rate gate, no rendering. Prints "PLAIN {sent} {seconds} {errors}".
/// </summary>
internal static class PlainClient
{
    public static async Task<int> RunAsync(BenchArgs args)
    {
        var baseUrl = args.Get("base", "");
        var slackWorkspaces = args.Int("slackWorkspaces", 50);
        var teamsTenants = args.Int("teamsTenants", 50);
        var reps = args.Int("repsPerWorkspace", 1000);
        var concurrency = args.Int("concurrency", 160);
        using var http = new HttpClient(new SocketsHttpHandler { MaxConnectionsPerServer = int.MaxValue, PooledConnectionLifetime = Timeout.InfiniteTimeSpan });
        var token = await TeamsTokenAsync(http, baseUrl);

        // Same order as the ledger hands them out: workspace by workspace, interleaved across workspaces.
        var work = Enumerable.Range(1, reps).SelectMany(n => Enumerable.Range(1, slackWorkspaces + teamsTenants).Select(g => (Group: g, Rep: n))).ToArray();
        var next = -1;
        var errors = 0;
        var started = Stopwatch.GetTimestamp();
        await Task.WhenAll(Enumerable.Range(0, concurrency).Select(_ => Task.Run(async () =>
        {
            int i;
            while ((i = Interlocked.Increment(ref next)) < work.Length)
            {
                var (group, rep) = work[i];
                var user = $"U{rep:D7}";
                using var request = group <= slackWorkspaces ? Slack(baseUrl, $"T{group:D8}", user) : Teams(baseUrl, $"tenant-{group:D8}", user, token);
                using var response = await http.SendAsync(request);
                await response.Content.ReadAsByteArrayAsync();
                if (!response.IsSuccessStatusCode)
                {
                    Interlocked.Increment(ref errors);
                }
            }
        })));
        var seconds = Stopwatch.GetElapsedTime(started).TotalSeconds;
        Console.WriteLine(FormattableString.Invariant($"PLAIN {work.Length} {seconds:F3} {errors}"));
        return 0;
    }

    private static HttpRequestMessage Slack(string baseUrl, string team, string user)
    {
        var body = JsonSerializer.Serialize(new
        {
            channel = user,
            text = "Two minutes: which deal moves forward today?",
            blocks = new object[] { new { type = "section", text = new { type = "mrkdwn", text = "Two minutes: which deal moves forward today?" } } },
            metadata = new { event_type = "coachbot_nudge", event_payload = new { delivery_id = Guid.CreateVersion7().ToString() } },
        });
        var request = new HttpRequestMessage(HttpMethod.Post, $"{baseUrl}/slack/api/chat.postMessage") { Content = new StringContent(body, Encoding.UTF8, "application/json") };
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", BenchCredentials.SlackToken(team));
        return request;
    }

    private static HttpRequestMessage Teams(string baseUrl, string tenant, string user, string token)
    {
        var body = JsonSerializer.Serialize(new
        {
            type = "message",
            text = "Two minutes: which deal moves forward today?",
            from = new { id = $"28:{BenchCredentials.TeamsAppId}" },
            recipient = new { id = $"29:{user}" },
        });
        var conversation = Uri.EscapeDataString(BenchCredentials.TeamsConversationId(tenant, user));
        var request = new HttpRequestMessage(HttpMethod.Post, $"{baseUrl}/teams/v3/conversations/{conversation}/activities") { Content = new StringContent(body, Encoding.UTF8, "application/json") };
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        return request;
    }

    private static async Task<string> TeamsTokenAsync(HttpClient http, string baseUrl)
    {
        using var response = await http.PostAsync($"{baseUrl}/teams-login/botframework.com/oauth2/v2.0/token", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["grant_type"] = "client_credentials",
            ["client_id"] = BenchCredentials.TeamsAppId,
            ["client_secret"] = BenchCredentials.TeamsAppPassword,
            ["scope"] = "https://api.botframework.com/.default",
        }));
        response.EnsureSuccessStatusCode();
        using var json = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        return json.RootElement.GetProperty("access_token").GetString()!;
    }
}
