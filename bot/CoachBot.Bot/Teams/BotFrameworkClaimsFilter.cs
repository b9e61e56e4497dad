using CoachBot.Platforms.Teams;
using Microsoft.Extensions.Options;

namespace CoachBot.Bot.Teams;

/// <summary>
/// Rules 7 and 8, which need the body: the token's <c>serviceurl</c> claim must equal the activity's serviceUrl
/// (else 401: a replayed token must not steer CoachBot's own token elsewhere), and the signing key must be
/// endorsed for the activity's channel (else 403).
/// </summary>
internal sealed class BotFrameworkClaimsFilter(IOptions<TeamsOptions> teams, BotFrameworkKeys keys, ILogger<BotFrameworkClaimsFilter> logger) : IEndpointFilter
{
    public async ValueTask<object?> InvokeAsync(EndpointFilterInvocationContext context, EndpointFilterDelegate next)
    {
        if (teams.Value.IsLocalMode)
        {
            return await next(context); // local no-auth mode: the authorization policy already required direct loopback
        }

        var http = context.HttpContext;
        var activity = http.GetActivity();
        var claimed = http.User.FindFirst(BotFrameworkAuthentication.ServiceUrlClaim)?.Value;
        if (claimed is null || activity.ServiceUrl is null || !string.Equals(claimed, activity.ServiceUrl, StringComparison.OrdinalIgnoreCase))
        {
            Log.ServiceUrlMismatch(logger, claimed is null ? "missing" : "different");
            return TypedResults.Unauthorized();
        }

        var kid = http.Items[BotFrameworkAuthentication.SigningKeyId] as string;
        if (kid is null || activity.ChannelId is null || !await keys.IsEndorsedAsync(kid, activity.ChannelId, http.RequestAborted))
        {
            Log.NotEndorsed(logger, activity.ChannelId ?? "(none)");
            return TypedResults.StatusCode(StatusCodes.Status403Forbidden);
        }

        return await next(context);
    }
}
