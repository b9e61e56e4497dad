using CoachBot.Coaching.Chat;
using CoachBot.Platforms.Teams;

namespace CoachBot.Bot.Teams;

/// <summary>
/// Sends the core's answer back through the Connector: the updated card in place of the one clicked, then the
/// messages, privately (the person's 1:1 chat) or in the conversation. Failures are logged, never turned into a 500.
/// </summary>
internal sealed class TeamsReplies(ConnectorClient connector, TeamsMessenger messenger, ILogger<TeamsReplies> logger)
{
    public async Task DeliverAsync(Activity activity, InboxReply reply, CancellationToken cancellationToken)
    {
        var here = new ConnectorTarget(activity.ServiceUrl!, activity.TenantId()!, activity.Conversation!.Id!);
        try
        {
            if (reply.UpdatedSource is { } updated && activity.ReplyToId is { Length: > 0 } cardId)
            {
                await connector.UpdateAsync(here, cardId, TeamsMessenger.ToActivity(updated), cancellationToken);
            }

            foreach (var message in reply.Messages)
            {
                if (reply.Visibility == ReplyVisibility.Private && !activity.IsPersonal())
                {
                    await messenger.SendDirectAsync(activity.Sender().Key, message, cancellationToken);
                }
                else
                {
                    await connector.SendAsync(here, TeamsMessenger.ToActivity(message), cancellationToken);
                }
            }
        }
        catch (ChatDeliveryException ex)
        {
            Log.ReplyFailed(logger, ex.Kind, ex.Code);
        }
    }
}
