using System.Collections.Concurrent;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;

namespace CoachBot.Testing.Teams;

/// <summary>
/// A loopback Microsoft Graph (the user lookup by id or UPN, the three teamwork/installedApps calls) and Entra token
/// endpoint, in their real shapes: the user's $select fields, 404 Request_ResourceNotFound for an unknown user, 201 with no
/// body, 409 for an existing install, Graph's {"error":{"code","message"}} bodies, 429 with Retry-After, and a 401
/// InvalidAuthenticationToken for a token it has expired. Only users added with <see cref="AddUser"/> exist.
/// </summary>
public sealed class FakeGraph : IAsyncDisposable
{
    public const string CatalogAppId = "5f0c3a62-7d5e-4c1b-9b7a-2f6d8e9a1c44";
    private readonly ConcurrentDictionary<string, string> _installations = new();
    private readonly ConcurrentDictionary<string, bool> _users = new();
    private readonly ConcurrentDictionary<string, (string Id, string DisplayName)> _byUpn = new(StringComparer.OrdinalIgnoreCase);
    private readonly ConcurrentQueue<(int Status, string Code, string Message, int? RetryAfter)> _failures = new();
    private readonly ConcurrentDictionary<string, bool> _expired = new();
    private WebApplication? _app;
    private int _tokens;

    public Uri BaseUrl { get; private set; } = null!;

    public string GraphBaseUrl => new Uri(BaseUrl, "v1.0/").AbsoluteUri;

    public ConcurrentQueue<string> Calls { get; } = new();

    /// <summary>Each token request's form: "grant_type client_id scope" (never the secret).</summary>
    public ConcurrentQueue<string> TokenRequests { get; } = new();

    public ConcurrentQueue<string> InstallBodies { get; } = new();

    public static async Task<FakeGraph> StartAsync()
    {
        var fake = new FakeGraph();
        (fake._app, fake.BaseUrl) = await LoopbackServer.StartAsync(app =>
        {
            app.MapPost("/{tenant}/oauth2/v2.0/token", async (HttpRequest request) =>
            {
                var form = await request.ReadFormAsync();
                fake.TokenRequests.Enqueue($"{form["grant_type"]} {form["client_id"]} {form["scope"]}");
                var token = $"graph-token-{Interlocked.Increment(ref fake._tokens)}";
                return Results.Json(new { token_type = "Bearer", expires_in = 3599, ext_expires_in = 3599, access_token = token });
            });
            app.MapGet("/v1.0/users/{idOrUpn}", (string idOrUpn, HttpRequest request) =>
            {
                var found = fake._byUpn.TryGetValue(idOrUpn, out var byUpn) ? byUpn.Id : idOrUpn;
                return fake.Answer(request, found, () =>
                {
                    var upn = fake._byUpn.FirstOrDefault(u => u.Value.Id == found);
                    return Results.Json(new Dictionary<string, object?>
                    {
                        ["@odata.context"] = $"{fake.GraphBaseUrl}$metadata#users({request.Query["$select"]})/$entity",
                        ["id"] = found,
                        ["displayName"] = upn.Value.DisplayName,
                        ["mail"] = upn.Key,
                        ["userPrincipalName"] = upn.Key,
                    });
                }, notFoundCode: "Request_ResourceNotFound",
                    notFoundMessage: $"Resource '{idOrUpn}' does not exist or one of its queried reference-property objects are not present.");
            });
            app.MapPost("/v1.0/users/{userId}/teamwork/installedApps", async (string userId, HttpRequest request) =>
            {
                fake.InstallBodies.Enqueue(await new StreamReader(request.Body).ReadToEndAsync());
                return fake.Answer(request, userId, () =>
                {
                    var installed = !fake._installations.TryAdd(userId, $"inst-{userId}");
                    return installed
                        ? Error(409, "Conflict", "App is already installed for this user.")
                        : Results.StatusCode(201);
                });
            });
            app.MapGet("/v1.0/users/{userId}/teamwork/installedApps", (string userId, HttpRequest request) => fake.Answer(request, userId, () =>
                Results.Json(new
                {
                    value = fake._installations.TryGetValue(userId, out var id) && request.Query["$filter"] == $"teamsApp/id eq '{CatalogAppId}'"
                        ? new[] { new { id, teamsApp = new { id = CatalogAppId, externalId = "manifest-id", displayName = "CoachBot", distributionMethod = "organization" } } }
                        : [],
                })));
            app.MapGet("/v1.0/users/{userId}/teamwork/installedApps/{installationId}/chat", (string userId, string installationId, HttpRequest request) =>
                fake.Answer(request, userId, () => fake._installations.TryGetValue(userId, out var id) && id == installationId
                    ? Results.Json(new { id = ChatId(userId), topic = (string?)null, chatType = "oneOnOne", tenantId = TeamsActivities.Tenant })
                    : Error(404, "NotFound", "The installation was not found.")));
        });
        return fake;
    }

    public static string ChatId(string userId) => $"19:{userId}_test-app-id@unq.gbl.spaces";

    /// <summary>A directory user; with <paramref name="userPrincipalName"/> they can be looked up by it (their mail is the same).</summary>
    public void AddUser(string aadObjectId, bool alreadyInstalled = false, string? userPrincipalName = null, string? displayName = null)
    {
        _users[aadObjectId] = true;
        if (userPrincipalName is not null)
        {
            _byUpn[userPrincipalName] = (aadObjectId, displayName ?? userPrincipalName);
        }

        if (alreadyInstalled)
        {
            _installations[aadObjectId] = $"inst-{aadObjectId}";
        }
    }

    public bool IsInstalled(string aadObjectId) => _installations.ContainsKey(aadObjectId);

    /// <summary>Graph answers the next call(s) with this status and Graph error body (before looking at anything else).</summary>
    public void FailNext(int status, string code, string message, int? retryAfterSeconds = null, int times = 1)
    {
        for (var i = 0; i < times; i++)
        {
            _failures.Enqueue((status, code, message, retryAfterSeconds));
        }
    }

    /// <summary>Every token issued so far stops working, as when it passes its expiry: Graph answers 401 InvalidAuthenticationToken.</summary>
    public void ExpireTokens()
    {
        for (var i = 1; i <= _tokens; i++)
        {
            _expired[$"graph-token-{i}"] = true;
        }
    }

    public async ValueTask DisposeAsync()
    {
        if (_app is not null)
        {
            await _app.DisposeAsync();
        }
    }

    private IResult Answer(HttpRequest request, string userId, Func<IResult> success, string notFoundCode = "NotFound", string? notFoundMessage = null)
    {
        Calls.Enqueue($"{request.Method} {request.Path}{request.QueryString} {request.Headers.Authorization}");
        var token = request.Headers.Authorization.ToString() is { } header && header.StartsWith("Bearer ", StringComparison.Ordinal) ? header[7..] : "";
        if (token.Length == 0 || _expired.ContainsKey(token))
        {
            return Error(401, "InvalidAuthenticationToken", "Access token has expired or is not yet valid.");
        }

        if (_failures.TryDequeue(out var failure))
        {
            if (failure.RetryAfter is { } seconds)
            {
                request.HttpContext.Response.Headers.RetryAfter = seconds.ToString(System.Globalization.CultureInfo.InvariantCulture);
            }

            return Error(failure.Status, failure.Code, failure.Message);
        }

        return _users.ContainsKey(userId)
            ? success()
            : Error(404, notFoundCode, notFoundMessage ?? $"User '{userId}' was not found in the directory.");
    }

    private static IResult Error(int status, string code, string message) => Results.Json(new
    {
        error = new { code, message, innerError = new { date = "2026-12-04T03:00:00", requestId = Guid.NewGuid(), clientRequestId = Guid.NewGuid() } },
    }, statusCode: status);
}
