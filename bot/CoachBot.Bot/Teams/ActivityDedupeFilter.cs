using CoachBot.Platforms.Teams;

namespace CoachBot.Bot.Teams;

/// <summary>An activity id seen before (a Teams resend) is acknowledged and not processed again.</summary>
internal sealed class ActivityDedupeFilter(ProcessedActivities processed, ILogger<ActivityDedupeFilter> logger) : IEndpointFilter
{
    public async ValueTask<object?> InvokeAsync(EndpointFilterInvocationContext context, EndpointFilterDelegate next)
    {
        var activity = context.HttpContext.GetActivity();
        if (activity.Id is { Length: > 0 } id
            && !await processed.TryClaimAsync($"{activity.Conversation?.Id}/{id}", context.HttpContext.RequestAborted))
        {
            Log.Duplicate(logger, activity.Type!);
            return activity.Type == Activity.Types.Invoke ? InvokeResponse.Message("Already done.") : TypedResults.Ok();
        }

        return await next(context);
    }
}
