using System.Collections.Concurrent;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;

namespace CoachBot.Testing.Teams;

/// <summary>
/// A loopback Bot Connector and Entra token endpoint speaking real HTTP and JSON. It records every call, answers
/// like the Connector does, and plays scripted failures (429 with Retry-After, 403 with a sub-code, 5xx) first.
/// </summary>
public sealed partial class FakeBotConnector : IAsyncDisposable
{
    private readonly ConcurrentQueue<ScriptedFailure> _failures = new();
    private readonly ConcurrentDictionary<string, JsonObject> _members = new();
    private WebApplication? _app;
    private int _nextId;

    public Uri BaseUrl { get; private set; } = null!;

    /// <summary>The serviceUrl activities carry; Connector routes live under it.</summary>
    public string ServiceUrl => BaseUrl.AbsoluteUri;

    public ConcurrentQueue<ConnectorCall> Calls { get; } = new();

    public ConcurrentQueue<string> TokenRequests { get; } = new();

    /// <summary>Holes a person would see (<see cref="RenderedText"/>) in any message sent or updated through this fake.</summary>
    public ConcurrentQueue<string> EmptyPlaceholders { get; } = new();

    /// <summary>Each successful call with the id the fake answered (an activity id, or a created conversation's id), in order.</summary>
    public ConcurrentQueue<(ConnectorCall Call, string Id)> Answered { get; } = new();

    public static async Task<FakeBotConnector> StartAsync()
    {
        var fake = new FakeBotConnector();
        (fake._app, fake.BaseUrl) = await LoopbackServer.StartAsync(app =>
        {
            app.MapPost("/{tenant}/oauth2/v2.0/token", async (HttpRequest request) =>
            {
                var form = await request.ReadFormAsync();
                fake.TokenRequests.Enqueue($"{form["grant_type"]} {form["client_id"]} {form["scope"]}");
                return Results.Json(new { token_type = "Bearer", expires_in = 3600, access_token = $"bot-token-{fake.TokenRequests.Count}" });
            });
            app.Map("/v3/{**rest}", (Delegate)fake.HandleAsync);
        });
        return fake;
    }

    /// <summary>Fails the next call(s), or with <paramref name="method"/> the next of that method only (e.g. the card update, not the profile lookup before it).</summary>
    public void FailNext(int status, string? code = null, TimeSpan? retryAfter = null, int times = 1, string? method = null)
    {
        for (var i = 0; i < times; i++)
        {
            _failures.Enqueue(new ScriptedFailure(status, code, retryAfter, method));
        }
    }

    public IReadOnlyList<ConnectorCall> CallsTo(string method) => [.. Calls.Where(c => c.Method == method)];

    /// <summary>
    /// A person the Connector knows, answered for GET v3/conversations/{id}/members/{29: id or Entra object id} in the
    /// shape Teams documents (givenName, surname, objectId, email, userPrincipalName, tenantId, userRole) plus the name
    /// and aadObjectId the live service adds. Unknown members get Teams' 404 MemberNotFoundInConversation.
    /// </summary>
    public void AddMember(string userId, string aadObjectId, string givenName, string surname, string email, string tenantId = TeamsActivities.Tenant)
    {
        var member = new JsonObject
        {
            ["id"] = userId,
            ["name"] = $"{givenName} {surname}",
            ["aadObjectId"] = aadObjectId,
            ["objectId"] = aadObjectId,
            ["givenName"] = givenName,
            ["surname"] = surname,
            ["email"] = email,
            ["userPrincipalName"] = email.ToLowerInvariant(),
            ["tenantId"] = tenantId,
            ["userRole"] = "user",
        };
        _members[userId] = member;
        _members[aadObjectId] = member;
    }

    public async ValueTask DisposeAsync()
    {
        if (_app is not null)
        {
            await _app.DisposeAsync();
        }
    }

    private async Task<IResult> HandleAsync(HttpContext context)
    {
        var request = context.Request;
        var body = request.ContentLength is > 0 || request.Method is "POST" or "PUT"
            ? JsonNode.Parse(await new StreamReader(request.Body).ReadToEndAsync()) : null;
        var path = Uri.UnescapeDataString(request.Path.Value ?? "");
        var call = new ConnectorCall(request.Method, path, request.Headers.Authorization.ToString(), body);
        Calls.Enqueue(call);
        foreach (var hole in RenderedText.EmptyPlaceholders(body?["attachments"]))
        {
            EmptyPlaceholders.Enqueue(hole);
        }

        if (_failures.TryPeek(out var next) && (next.Method is null || next.Method == request.Method) && _failures.TryDequeue(out var failure))
        {
            if (failure.RetryAfter is { } wait)
            {
                context.Response.Headers.RetryAfter = ((int)Math.Ceiling(wait.TotalSeconds)).ToString();
            }

            // Teams nests the sub-code as a JSON string inside error.message.
            var message = failure.Code is null ? "failed" : $$"""{"errorCode":209,"subCode":"{{failure.Code}}","message":"scripted"}""";
            return Results.Json(new { error = new { code = "BadSyntax", message } }, statusCode: failure.Status);
        }

        if (request.Method == "GET" && MemberAnswer(path) is { } member)
        {
            return member;
        }

        if (request.Method == "GET" && path.EndsWith("/members", StringComparison.Ordinal) && !_members.IsEmpty)
        {
            return Results.Json(new JsonArray([.. _members.Values.Distinct().Select(x => x.DeepClone())]));
        }

        var id = Interlocked.Increment(ref _nextId).ToString();
        if (path == "/v3/conversations")
        {
            var channel = body?["channelData"]?["channel"]?["id"]?.GetValue<string>();
            Answered.Enqueue((call, channel is null ? $"a:proactive-{id}" : id));
            return channel is null
                ? Results.Json(new { id = $"a:proactive-{id}" })
                : Results.Json(new { id = $"{channel};messageid={id}", activityId = id });
        }

        var answer = request.Method == "PUT" ? path.Split('/')[^1] : id;
        Answered.Enqueue((call, answer));
        return Results.Json(new { id = answer });
    }

    private sealed record ScriptedFailure(int Status, string? Code, TimeSpan? RetryAfter, string? Method);
}

/// <summary>One recorded Connector call; <see cref="Path"/> is unescaped (ids contain ':' and ';').</summary>
public sealed record ConnectorCall(string Method, string Path, string Authorization, JsonNode? Body);
