using CoachBot.Coaching.Chat;
using CoachBot.Platforms.Teams;

namespace CoachBot.Bot.Teams;

/// <summary>
/// A handler that throws must not leave as an HTTP 500 with the person seeing nothing: the failure is logged once at
/// Error, the sender gets a short apology in the conversation they wrote in (or in the invoke answer for a button),
/// and <see cref="ActivityDedupeFilter"/> has already given the activity's claim back.
/// </summary>
internal sealed class ActivityFailureFilter(TeamsReplies replies, ILogger<ActivityFailureFilter> logger) : IEndpointFilter
{
    public const string Apology = "Sorry, something went wrong on my side and I could not handle that. Please try again in a minute.";

    public async ValueTask<object?> InvokeAsync(EndpointFilterInvocationContext context, EndpointFilterDelegate next)
    {
        var http = context.HttpContext;
        try
        {
            return await next(context);
        }
        catch (Exception ex) when (!http.RequestAborted.IsCancellationRequested) // aborted: Teams gave up and resends, which is processed
        {
            var activity = http.GetActivity();
            Log.HandlerFailed(logger, activity.Type!, ex);
            // Answered 200, not 500: the person is told to try again and Teams does not also resend it, so the work never runs twice.
            if (activity.Type == Activity.Types.Invoke)
            {
                return InvokeResponse.Message(Apology);
            }

            await ApologiseAsync(activity);
            return TypedResults.Ok();
        }
    }

    private async Task ApologiseAsync(Activity activity)
    {
        // Someone wrote or installed; a failed team membership event has nobody to apologise to.
        var someoneAsked = activity.Type == Activity.Types.Message
            || (activity.Type is Activity.Types.ConversationUpdate or Activity.Types.InstallationUpdate && activity.IsPersonal());
        if (!someoneAsked || activity.TenantId() is null || activity.Conversation?.Id is null || activity.ServiceUrl is null)
        {
            return;
        }

        try
        {
            await replies.DeliverAsync(activity, InboxReply.Say(Apology, ReplyVisibility.InConversation), CancellationToken.None);
        }
        catch (Exception ex)
        {
            Log.ApologyFailed(logger, ex.GetType().Name);
        }
    }
}
