using System.Collections.Concurrent;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.WebUtilities;

namespace CoachBot.Testing.Slack;

// Slack's side of an OAuth v2 install: the authorize page (approve or deny, as told), single-use codes and oauth.v2.access.
public sealed partial class FakeSlackServer
{
    private readonly ConcurrentDictionary<string, BotGrant> _tokens = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, (BotGrant Grant, string RedirectUri)> _codes = new(StringComparer.Ordinal);
    private readonly ConcurrentQueue<BotGrant?> _approvals = new();

    public string ClientId { get; } = "1234567890.9876543210";

    public string ClientSecret { get; } = $"secret{Guid.NewGuid():N}";

    public Uri AuthorizeUrl => new(BaseUrl, "oauth/v2/authorize");

    /// <summary>The next person on the authorize page approves the install into this team.</summary>
    public void ApproveNextInstall(string teamId, string teamName, string botUserId) =>
        _approvals.Enqueue(new BotGrant(teamId, teamName, botUserId, "B" + botUserId[1..]));

    public void DenyNextInstall() => _approvals.Enqueue(null);

    /// <summary>The bot token Slack issued to <paramref name="teamId"/> at its latest install.</summary>
    public string? InstalledToken(string teamId) => _tokens.LastOrDefault(t => t.Value.TeamId == teamId && t.Key != Token).Key;

    /// <summary>Tokens stop working as after an uninstall: calls with them answer invalid_auth.</summary>
    public void Revoke(string token) => _tokens.TryRemove(token, out _);

    private BotGrant? GrantFor(string authorization) =>
        authorization.StartsWith("Bearer ", StringComparison.Ordinal) && _tokens.TryGetValue(authorization["Bearer ".Length..], out var grant) ? grant : null;

    private IResult Authorize(HttpRequest request)
    {
        var query = request.Query;
        if (query["client_id"] != ClientId || string.IsNullOrEmpty(query["redirect_uri"]) || string.IsNullOrEmpty(query["scope"]))
        {
            return Results.BadRequest("invalid_client_id, redirect_uri or scope");
        }

        var redirect = query["redirect_uri"].ToString();
        if (!_approvals.TryDequeue(out var grant) || grant is null)
        {
            return Results.Redirect(QueryHelpers.AddQueryString(redirect, new Dictionary<string, string?> { ["error"] = "access_denied", ["state"] = query["state"] }));
        }

        var code = $"{grant.TeamId}.{Guid.NewGuid():N}";
        _codes[code] = (grant, redirect);
        return Results.Redirect(QueryHelpers.AddQueryString(redirect, new Dictionary<string, string?> { ["code"] = code, ["state"] = query["state"] }));
    }

    private JsonObject Exchange(JsonObject args, string authorization)
    {
        var expected = new AuthenticationHeaderValue("Basic", Convert.ToBase64String(Encoding.UTF8.GetBytes($"{ClientId}:{ClientSecret}"))).ToString();
        if (authorization != expected)
        {
            return Error("invalid_client_id");
        }

        if (!_codes.TryRemove(Str(args, "code"), out var issued))
        {
            return Error("invalid_code");
        }

        if (issued.RedirectUri != Str(args, "redirect_uri"))
        {
            return Error("bad_redirect_uri");
        }

        var grant = issued.Grant;
        var token = $"xoxb-{grant.TeamId}-{Guid.NewGuid():N}";
        _tokens[token] = grant;
        return Ok(new()
        {
            ["access_token"] = token, ["token_type"] = "bot", ["scope"] = "chat:write,im:write,commands", ["bot_user_id"] = grant.BotUserId,
            ["app_id"] = "A0COACHBOT", ["team"] = new JsonObject { ["id"] = grant.TeamId, ["name"] = grant.TeamName }, ["enterprise"] = null,
            ["is_enterprise_install"] = false, ["authed_user"] = new JsonObject { ["id"] = "U0INSTALLER" },
        });
    }

    private sealed record BotGrant(string TeamId, string TeamName, string BotUserId, string BotId);
}
