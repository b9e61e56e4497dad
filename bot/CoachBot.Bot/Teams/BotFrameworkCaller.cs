using System.Net;
using CoachBot.Platforms.Teams;
using Microsoft.AspNetCore.Authorization;
using Microsoft.Extensions.Options;

namespace CoachBot.Bot.Teams;

/// <summary>
/// Who may post activities: a caller with a valid Bot Framework token; or, only with Teams:LocalNoAuth=true and no
/// AppId (local trials with the Agents Playground), an unauthenticated caller on loopback that did not come through
/// a proxy. With neither, Teams is off and every activity gets 401.
/// </summary>
internal sealed class BotFrameworkCaller : IAuthorizationRequirement
{
    public const string Policy = "BotFramework";
}

internal sealed class BotFrameworkCallerHandler(IOptions<TeamsOptions> teams, IHttpContextAccessor http) : AuthorizationHandler<BotFrameworkCaller>
{
    protected override Task HandleRequirementAsync(AuthorizationHandlerContext context, BotFrameworkCaller requirement)
    {
        var settings = teams.Value;
        if (settings.HasCredentials)
        {
            if (context.User.Identities.Any(i => i.IsAuthenticated && i.AuthenticationType == BotFrameworkAuthentication.Scheme))
            {
                context.Succeed(requirement);
            }
        }
        else if (settings.IsLocalMode && http.HttpContext is { } request && IsDirectLoopback(request))
        {
            context.Succeed(requirement);
        }

        return Task.CompletedTask;
    }

    // A proxy on this host makes every caller loopback; the headers it adds say the request came from elsewhere.
    private static bool IsDirectLoopback(HttpContext request) =>
        request.Connection.RemoteIpAddress is { } remote && IPAddress.IsLoopback(remote)
        && !request.Request.Headers.ContainsKey("X-Forwarded-For") && !request.Request.Headers.ContainsKey("Forwarded");
}
