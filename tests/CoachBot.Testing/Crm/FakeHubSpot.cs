using System.Collections.Concurrent;
using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace CoachBot.Testing.Crm;

/// <summary>
/// A loopback HubSpot CRM v3 API on 127.0.0.1:0 in the real shapes: owners, object lists with `after` paging, the search
/// API (hs_lastmodifieddate filter and sort, offset `after`, 400 past its result cap), deal pipelines, v4 association
/// batch reads, bearer check (401), missing scopes (403 MISSING_SCOPES), and a fixed-window rate limit with the
/// X-HubSpot-RateLimit-* headers and 429 + Retry-After beyond it. It counts every call.
/// </summary>
public sealed partial class FakeHubSpot : IAsyncDisposable
{
    private readonly WebApplication _app;
    private readonly ConcurrentQueue<HubSpotCall> _calls = new();
    private readonly Lock _rateLock = new();
    private DateTimeOffset _windowStart = DateTimeOffset.MinValue;
    private int _windowCount;
    private int _scriptedThrottles;
    private TimeSpan _scriptedRetryAfter;

    private FakeHubSpot(WebApplication app) => _app = app;

    public string Token { get; set; } = $"pat-na1-{Guid.NewGuid()}";

    public Uri BaseUrl { get; private set; } = null!;

    /// <summary>Requests allowed per <see cref="Window"/> (HubSpot private apps: 100 per 10 s, 190 on Professional).</summary>
    public int Limit { get; set; } = 100;

    public TimeSpan Window { get; set; } = TimeSpan.FromSeconds(10);

    public int SearchResultCap { get; set; } = 10_000;

    /// <summary>Scopes the token lacks: calls that need one answer 403 naming it.</summary>
    public HashSet<string> MissingScopes { get; } = [];

    public bool DailyLimitReached { get; set; }

    /// <summary>Deal list pages served before the fake starts failing them with 503 (null: never).</summary>
    public int? BreakDealPagesAfter { get; set; }

    public IReadOnlyList<HubSpotCall> Calls => [.. _calls];

    public int Throttled => _calls.Count(c => c.Status == 429);

    /// <summary>The most requests any one window of the limit saw (throttled ones included).</summary>
    public int BusiestWindow { get; private set; }

    public static async Task<FakeHubSpot> StartAsync()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseKestrel().UseUrls("http://127.0.0.1:0");
        builder.Logging.ClearProviders();
        var app = builder.Build();
        var fake = new FakeHubSpot(app);
        app.Use(fake.GuardAsync);
        app.MapGet("/crm/v3/owners", fake.Owners);
        app.MapGet("/crm/v3/pipelines/deals", Pipelines);
        app.MapGet("/crm/v3/objects/{type}", fake.List);
        app.MapPost("/crm/v3/objects/{type}/search", fake.SearchAsync);
        app.MapPost("/crm/v4/associations/{type}/deals/batch/read", fake.AssociationsAsync);
        await app.StartAsync();
        fake.BaseUrl = new Uri(app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First() + "/");
        return fake;
    }

    /// <summary>The next <paramref name="count"/> calls get 429 with this Retry-After, whatever the window says.</summary>
    public void ThrottleNext(int count, TimeSpan retryAfter)
    {
        _scriptedRetryAfter = retryAfter;
        Interlocked.Exchange(ref _scriptedThrottles, count);
    }

    public int CallsTo(string pathStart, string? method = null) =>
        _calls.Count(c => c.Path.StartsWith(pathStart, StringComparison.Ordinal) && (method is null || c.Method == method) && c.Status < 400);

    public async ValueTask DisposeAsync() => await _app.DisposeAsync();

    private async Task GuardAsync(HttpContext context, RequestDelegate next)
    {
        var path = context.Request.Path.Value ?? "";
        var status = Refusal(context, path);
        if (status is { } refusal)
        {
            _calls.Enqueue(new HubSpotCall(context.Request.Method, path + context.Request.QueryString, refusal.Status));
            context.Response.StatusCode = refusal.Status;
            if (refusal.RetryAfter is { } wait)
            {
                context.Response.Headers.RetryAfter = Math.Max(1, (int)Math.Ceiling(wait.TotalSeconds)).ToString(CultureInfo.InvariantCulture);
            }

            await context.Response.WriteAsJsonAsync(refusal.Body);
            return;
        }

        await next(context);
        _calls.Enqueue(new HubSpotCall(context.Request.Method, path + context.Request.QueryString, context.Response.StatusCode));
    }

    private (int Status, JsonObject Body, TimeSpan? RetryAfter)? Refusal(HttpContext context, string path)
    {
        if (context.Request.Headers.Authorization.ToString() != $"Bearer {Token}")
        {
            return (401, Error("Authentication credentials not found. This API supports OAuth 2.0 authentication and you can find more details at https://developers.hubspot.com/docs/methods/auth/oauth-overview",
                "INVALID_AUTHENTICATION"), null);
        }

        var search = path.EndsWith("/search", StringComparison.Ordinal);
        if (Interlocked.Decrement(ref _scriptedThrottles) >= 0)
        {
            return (429, RateLimited("TEN_SECONDLY_ROLLING"), _scriptedRetryAfter);
        }

        if (DailyLimitReached)
        {
            return (429, RateLimited("DAILY"), null);
        }

        TimeSpan? throttled = null;
        int remaining;
        lock (_rateLock)
        {
            var now = DateTimeOffset.UtcNow;
            if (now - _windowStart >= Window)
            {
                _windowStart = now;
                _windowCount = 0;
            }

            _windowCount++;
            BusiestWindow = Math.Max(BusiestWindow, _windowCount);
            remaining = Math.Max(0, Limit - _windowCount);
            if (_windowCount > Limit)
            {
                throttled = _windowStart + Window - now;
            }
        }

        if (throttled is { } wait)
        {
            return (429, RateLimited("TEN_SECONDLY_ROLLING"), wait);
        }

        // HubSpot's search responses carry no rate headers; everything else does.
        if (!search)
        {
            context.Response.Headers["X-HubSpot-RateLimit-Max"] = Limit.ToString(CultureInfo.InvariantCulture);
            context.Response.Headers["X-HubSpot-RateLimit-Remaining"] = remaining.ToString(CultureInfo.InvariantCulture);
            context.Response.Headers["X-HubSpot-RateLimit-Interval-Milliseconds"] = ((int)Window.TotalMilliseconds).ToString(CultureInfo.InvariantCulture);
            context.Response.Headers["X-HubSpot-RateLimit-Daily"] = "250000";
            context.Response.Headers["X-HubSpot-RateLimit-Daily-Remaining"] = "249000";
        }

        if (ScopeFor(path) is { } scope && MissingScopes.Contains(scope))
        {
            var body = Error("This app hasn't been granted all required scopes to make this call. Read more about required scopes here: https://developers.hubspot.com/scopes.", "MISSING_SCOPES");
            body["errors"] = new JsonArray(new JsonObject
            {
                ["message"] = "One or more of the following scopes are required.",
                ["context"] = new JsonObject { ["requiredGranularScopes"] = new JsonArray(scope) },
            });
            return (403, body, null);
        }

        return null;
    }

    private static string? ScopeFor(string path) => path switch
    {
        _ when path.StartsWith("/crm/v3/owners", StringComparison.Ordinal) => "crm.objects.owners.read",
        _ when path.Contains("/deals", StringComparison.Ordinal) && !path.StartsWith("/crm/v4", StringComparison.Ordinal) => "crm.objects.deals.read",
        _ when path.StartsWith("/crm/v3/objects/emails", StringComparison.Ordinal) => "sales-email-read",
        _ when path.StartsWith("/crm/v3/objects/", StringComparison.Ordinal) || path.StartsWith("/crm/v4/", StringComparison.Ordinal) => "crm.objects.contacts.read",
        _ => null,
    };

    private static JsonObject RateLimited(string policy) => new()
    {
        ["status"] = "error",
        ["message"] = policy == "DAILY" ? "You have reached your daily limit." : "You have reached your ten_secondly_rolling limit.",
        ["errorType"] = "RATE_LIMIT",
        ["correlationId"] = Guid.NewGuid().ToString(),
        ["policyName"] = policy,
        ["groupName"] = "api-calls:private-app",
    };

    private static JsonObject Error(string message, string category) => new()
    {
        ["status"] = "error",
        ["message"] = message,
        ["correlationId"] = Guid.NewGuid().ToString(),
        ["category"] = category,
    };

    internal static string Iso(DateTimeOffset time) => time.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.fff'Z'", CultureInfo.InvariantCulture);

    private static int IntQuery(HttpRequest request, string name, int fallback, int max) =>
        int.TryParse(request.Query[name], NumberStyles.None, CultureInfo.InvariantCulture, out var value) && value > 0 ? Math.Min(value, max) : fallback;

    private static async Task<JsonObject?> BodyAsync(HttpRequest request) =>
        await JsonSerializer.DeserializeAsync<JsonObject>(request.Body);
}

public sealed record HubSpotCall(string Method, string Path, int Status);
