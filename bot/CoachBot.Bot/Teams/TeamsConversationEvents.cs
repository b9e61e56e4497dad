using CoachBot.Coaching.Chat;
using CoachBot.Platforms.Teams;

namespace CoachBot.Bot.Teams;

/// <summary>
/// Install and membership events. A personal install welcomes the person (once, though Teams sends both
/// installationUpdate and conversationUpdate); a team install is remembered through its stored reference;
/// removal forgets the conversation; people joining a channel are reported for the managers' channel guard.
/// </summary>
internal sealed class TeamsConversationEvents(
    ConversationReferenceStore references, ProcessedActivities processed, TeamsReplies replies, TeamsPeople people, ILogger<TeamsConversationEvents> logger)
{
    private static readonly TimeSpan WelcomeWindow = TimeSpan.FromMinutes(10);

    public async Task HandleAsync(Activity activity, ICoachingInbox inbox, CancellationToken cancellationToken)
    {
        var botId = activity.Recipient?.Id;
        var removed = activity.Type == Activity.Types.InstallationUpdate
            ? activity.Action is "remove" or "remove-upgrade"
            : activity.MembersRemoved?.Any(m => m.Id == botId) == true || TeamsChannelData.From(activity.ChannelData).EventType is "teamDeleted" or "teamHardDeleted";
        if (removed)
        {
            await references.ForgetAsync(activity.TenantId()!, activity.Address().ConversationId, cancellationToken);
            Log.Removed(logger, activity.ConversationType());
            return;
        }

        var installed = activity.Type == Activity.Types.InstallationUpdate
            ? activity.Action is "add" or "add-upgrade"
            : activity.MembersAdded?.Any(m => m.Id == botId) == true;
        if (installed && activity.IsPersonal())
        {
            await WelcomeAsync(activity, inbox, cancellationToken);
        }
        else if (installed)
        {
            Log.Installed(logger, activity.ConversationType());
        }

        if (activity.Type == Activity.Types.ConversationUpdate && !activity.IsPersonal())
        {
            foreach (var member in activity.MembersAdded?.Where(m => m.Id != botId) ?? [])
            {
                await inbox.OnMemberJoinedAsync(new MemberJoined(activity.Sender(member).Key, activity.Address()), cancellationToken);
            }
        }
    }

    private async Task WelcomeAsync(Activity activity, ICoachingInbox inbox, CancellationToken cancellationToken)
    {
        if (!await processed.TryClaimWithinAsync($"welcome/{activity.Conversation!.Id}", WelcomeWindow, cancellationToken))
        {
            return;
        }

        var reply = await inbox.OnConversationStartedAsync(await people.DescribeAsync(activity, cancellationToken), activity.Address(), cancellationToken);
        await replies.DeliverAsync(activity, reply, cancellationToken);
    }
}
