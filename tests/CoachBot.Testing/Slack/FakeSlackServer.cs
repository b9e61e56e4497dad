using System.Collections.Concurrent;
using System.Net;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace CoachBot.Testing.Slack;

/// <summary>
/// A loopback Slack Web API on 127.0.0.1:0 speaking the real wire format: form or JSON bodies, bearer tokens,
/// <c>ok:false</c> errors, 429 with Retry-After, DMs opened by user id, message metadata kept for history reads.
/// It records every call and can be told to fail the next calls of a method. Teams installed through OAuth get their own tokens.
/// </summary>
public sealed partial class FakeSlackServer : IAsyncDisposable
{
    public const string TeamId = "T0FAKE01";
    public const string BotUserId = "U0COACHBOT";
    public const string BotId = "B0COACHBOT";

    private readonly WebApplication _app;
    private readonly ConcurrentQueue<SlackCall> _calls = new();
    private readonly ConcurrentDictionary<string, ConcurrentQueue<Func<HttpContext, Task>>> _scripted = new();
    private readonly ConcurrentDictionary<string, List<JsonObject>> _history = new();
    private readonly ConcurrentDictionary<string, JsonObject> _users = new();
    private readonly ConcurrentDictionary<string, string[]> _members = new();
    private long _ts = 1_772_442_000_000_000;

    private FakeSlackServer(WebApplication app)
    {
        _app = app;
        _tokens[Token] = new BotGrant(TeamId, "Fake Workspace", BotUserId, BotId);
    }

    public string Token { get; } = $"xoxb-test-{Guid.NewGuid():N}";

    public Uri BaseUrl { get; private set; } = null!;

    public Uri ApiBaseUrl => new(BaseUrl, "api/");

    public IReadOnlyList<SlackCall> Calls => [.. _calls];

    public static async Task<FakeSlackServer> StartAsync()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseKestrel().UseUrls("http://127.0.0.1:0");
        builder.Logging.ClearProviders();
        var app = builder.Build();
        var fake = new FakeSlackServer(app);
        app.UseWebSockets();
        app.Map("/link/", fake.HandleSocketAsync);
        app.MapPost("/api/{method}", (HttpContext context, string method) => fake.HandleApiAsync(context, method));
        app.MapPost("/hooks/{id}", fake.HandleResponseUrlAsync);
        app.MapGet("/oauth/v2/authorize", (HttpRequest request) => fake.Authorize(request));
        await app.StartAsync();
        fake.BaseUrl = new Uri(app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First() + "/");
        return fake;
    }

    public Uri NewResponseUrl() => new(BaseUrl, $"hooks/{Guid.NewGuid():N}");

    public IReadOnlyList<SlackCall> CallsTo(string method) => [.. _calls.Where(c => c.Method == method)];

    /// <summary>Waits (polling) until <paramref name="count"/> calls to <paramref name="method"/> arrived; for work that runs after an ack.</summary>
    public async Task<IReadOnlyList<SlackCall>> WaitForCallsAsync(string method, int count = 1, TimeSpan? timeout = null)
    {
        // Generous: a loaded CI machine can take a while to start a Hangfire worker; a passing wait returns at once.
        var until = DateTime.UtcNow + (timeout ?? TimeSpan.FromSeconds(60));
        while (CallsTo(method).Count < count && DateTime.UtcNow < until)
        {
            await Task.Delay(50);
        }

        return CallsTo(method);
    }

    public void AddUser(string userId, string name, string? timeZone = "Europe/London", string? email = null) =>
        _users[userId] = new JsonObject
        {
            ["id"] = userId, ["name"] = name.ToLowerInvariant(), ["real_name"] = name, ["tz"] = timeZone, ["locale"] = "en-GB", ["is_bot"] = false,
            ["profile"] = new JsonObject { ["display_name"] = name, ["real_name"] = name, ["email"] = email },
        };

    public void SetMembers(string channel, params string[] members) => _members[channel] = members;

    /// <summary>The next call to <paramref name="method"/> answers HTTP 200 with <c>{"ok":false,"error":…}</c>.</summary>
    public void FailNext(string method, string error, int times = 1) =>
        Script(method, times, context => WriteAsync(context, new JsonObject { ["ok"] = false, ["error"] = error }));

    /// <summary>The next call answers 429 with <c>Retry-After</c> (whole seconds, as Slack sends it).</summary>
    public void RateLimitNext(string method, int retryAfterSeconds, int times = 1) =>
        Script(method, times, context =>
        {
            context.Response.StatusCode = StatusCodes.Status429TooManyRequests;
            context.Response.Headers.RetryAfter = retryAfterSeconds.ToString();
            return WriteAsync(context, new JsonObject { ["ok"] = false, ["error"] = method == "response_url" ? "rate_limited" : "ratelimited" }, status: 429);
        });

    public void FailNextWithStatus(string method, HttpStatusCode status, int times = 1) =>
        Script(method, times, context => WriteAsync(context, new JsonObject { ["ok"] = false, ["error"] = "upstream" }, (int)status));

    private void Script(string method, int times, Func<HttpContext, Task> answer)
    {
        var queue = _scripted.GetOrAdd(method, _ => new());
        for (var i = 0; i < times; i++)
        {
            queue.Enqueue(answer);
        }
    }

    private string NextTs() => (Interlocked.Add(ref _ts, 100) / 1_000_000m).ToString("0.000000", System.Globalization.CultureInfo.InvariantCulture);

    private static Task WriteAsync(HttpContext context, JsonObject body, int status = 200)
    {
        context.Response.StatusCode = status;
        context.Response.ContentType = "application/json; charset=utf-8";
        return context.Response.WriteAsync(body.ToJsonString());
    }

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
    }
}
