using System.Collections.Concurrent;

namespace CoachBot.InboundBench;

/// <summary>
/// Loopback Slack Web API for the CoachBot side: auth.test for the bot token, users.info with a profile for each of the
/// benchmark's people, response_url hooks. Other methods answer <c>ok:true</c> and are counted; GET /stats lists every call.
/// </summary>
internal static class FakeSlackApi
{
    public static async Task<int> RunAsync(int port, int users)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls($"http://127.0.0.1:{port}");
        builder.Logging.ClearProviders();
        var app = builder.Build();
        var calls = new ConcurrentDictionary<string, int>();
        void Count(string key) => calls.AddOrUpdate(key, 1, (_, c) => c + 1);

        app.MapPost("/api/{method}", async (string method, HttpRequest request) =>
        {
            var form = request.HasFormContentType ? await request.ReadFormAsync() : null;
            if (!request.Headers.Authorization.ToString().StartsWith("Bearer xoxb-", StringComparison.Ordinal))
            {
                Count($"{method} (no token)");
                return Results.Json(new { ok = false, error = "not_authed" });
            }

            Count(method);
            return method switch
            {
                "auth.test" => Results.Json(new { ok = true, team_id = BenchUsers.TeamId, user_id = BenchUsers.BotUserId, bot_id = BenchUsers.BotId, url = "https://bench.slack.com/" }),
                "users.info" => UserInfo(form?["user"].ToString() ?? "", users),
                "chat.postMessage" => await PostedAsync(request),
                _ => Results.Json(new { ok = true }),
            };
        });
        app.MapPost("/hooks/{id}", () =>
        {
            Count("response_url");
            return Results.Text("ok");
        });
        app.MapGet("/stats", () => Results.Json(calls.OrderBy(c => c.Key).ToDictionary()));
        app.MapGet("/healthz", () => "ok");
        await app.RunAsync();
        return 0;
    }

    // The message.im replies the job sends: answered as Slack does, with the channel and a ts.
    private static async Task<IResult> PostedAsync(HttpRequest request)
    {
        var body = await System.Text.Json.Nodes.JsonNode.ParseAsync(request.Body);
        var ts = $"{DateTimeOffset.UtcNow.ToUnixTimeSeconds()}.{Random.Shared.Next(100000, 999999)}";
        return Results.Json(new { ok = true, channel = (string?)body?["channel"], ts });
    }

    private static IResult UserInfo(string userId, int users)
    {
        if (BenchUsers.IndexOf(userId) is not { } index || index >= users)
        {
            return Results.Json(new { ok = false, error = "user_not_found" });
        }

        var name = $"Bench Person {index:D4}";
        return Results.Json(new
        {
            ok = true,
            user = new
            {
                id = userId, name = $"bench{index:D4}", real_name = name, tz = "Europe/London", locale = "en-GB", is_bot = false, deleted = false,
                profile = new { display_name = name, real_name = name, email = $"bench{index:D4}@bench.example" },
            },
        });
    }
}
