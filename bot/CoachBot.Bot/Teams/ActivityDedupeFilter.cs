using CoachBot.Platforms.Teams;

namespace CoachBot.Bot.Teams;

/// <summary>
/// An activity id seen before (a Teams resend) is acknowledged and not processed again. The claim is taken before the
/// work, so a resend that arrives while the first delivery is still running is ignored; if the work fails, the claim
/// is given back, so the next delivery of the same activity is processed instead of being lost.
/// </summary>
internal sealed class ActivityDedupeFilter(ProcessedActivities processed, ILogger<ActivityDedupeFilter> logger) : IEndpointFilter
{
    public async ValueTask<object?> InvokeAsync(EndpointFilterInvocationContext context, EndpointFilterDelegate next)
    {
        var activity = context.HttpContext.GetActivity();
        var key = activity.Id is { Length: > 0 } id ? $"{activity.Conversation?.Id}/{id}" : null;
        if (key is not null && !await processed.TryClaimAsync(key, context.HttpContext.RequestAborted))
        {
            Log.Duplicate(logger, activity.Type!);
            return activity.Type == Activity.Types.Invoke ? InvokeResponse.Message("Already done.") : TypedResults.Ok();
        }

        try
        {
            return await next(context);
        }
        catch when (key is not null)
        {
            await ReleaseAsync(key);
            throw;
        }
    }

    private async Task ReleaseAsync(string key)
    {
        try
        {
            await processed.ReleaseAsync(key, CancellationToken.None); // the request may be aborted; the release must still happen
        }
        catch (Exception ex)
        {
            Log.ReleaseFailed(logger, ex.GetType().Name);
        }
    }
}
