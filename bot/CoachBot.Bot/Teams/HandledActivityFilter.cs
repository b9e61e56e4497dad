using CoachBot.Platforms.Teams;

namespace CoachBot.Bot.Teams;

/// <summary>
/// Refuses what <see cref="TeamsActivityHandler"/> cannot act on before the dedupe claim and the conversation reference
/// are written, so a refused activity leaves no row: no tenant, conversation or storable serviceUrl is a 400; an invoke
/// CoachBot does not handle is a 501, as botbuilder answers unhandled invoke names (teams-platform.md §5.2).
/// </summary>
internal sealed class HandledActivityFilter(ServiceUrlTrust trust, ILogger<HandledActivityFilter> logger) : IEndpointFilter
{
    public async ValueTask<object?> InvokeAsync(EndpointFilterInvocationContext context, EndpointFilterDelegate next)
    {
        var activity = context.HttpContext.GetActivity();
        if (activity.TenantId() is null || activity.Conversation?.Id is null || activity.ServiceUrl is null || !trust.MayStore(activity.ServiceUrl))
        {
            Log.Unaddressable(logger, activity.Type!);
            return TypedResults.BadRequest();
        }

        if (activity.Type == Activity.Types.Invoke && activity.Name != TeamsActivityHandler.AdaptiveCardAction)
        {
            Log.UnhandledInvoke(logger);
            return TypedResults.StatusCode(StatusCodes.Status501NotImplemented);
        }

        return await next(context);
    }
}
