using System.Net;
using CoachBot.Platforms.Teams;
using Microsoft.AspNetCore.Authorization;
using Microsoft.Extensions.Options;

namespace CoachBot.Bot.Teams;

/// <summary>
/// Who may post activities: a caller with a valid Bot Framework token; or, only while Teams:AppId is empty
/// (local trials with the Agents Playground), an unauthenticated caller on loopback. With an AppId set the
/// second path cannot be taken.
/// </summary>
internal sealed class BotFrameworkCaller : IAuthorizationRequirement
{
    public const string Policy = "BotFramework";
}

internal sealed class BotFrameworkCallerHandler(IOptions<TeamsOptions> teams, IHttpContextAccessor http) : AuthorizationHandler<BotFrameworkCaller>
{
    protected override Task HandleRequirementAsync(AuthorizationHandlerContext context, BotFrameworkCaller requirement)
    {
        if (teams.Value.HasCredentials)
        {
            if (context.User.Identities.Any(i => i.IsAuthenticated && i.AuthenticationType == BotFrameworkAuthentication.Scheme))
            {
                context.Succeed(requirement);
            }
        }
        else if (http.HttpContext?.Connection.RemoteIpAddress is { } remote && IPAddress.IsLoopback(remote))
        {
            context.Succeed(requirement);
        }

        return Task.CompletedTask;
    }
}
