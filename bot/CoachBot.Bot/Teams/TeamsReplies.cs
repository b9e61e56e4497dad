using CoachBot.Coaching.Chat;
using CoachBot.Platforms.Teams;

namespace CoachBot.Bot.Teams;

/// <summary>
/// Sends the core's answer back through the Connector: the updated card in place of the one clicked, then the
/// messages, privately (the person's 1:1 chat) or in the conversation. Failures are logged, never turned into a 500.
/// A card the Connector refuses to update (deleted, too old) is sent as a new message instead, because the updated
/// card often carries the only confirmation, and the messages after it still go out.
/// </summary>
internal sealed class TeamsReplies(ConnectorClient connector, TeamsMessenger messenger, ILogger<TeamsReplies> logger)
{
    public async Task DeliverAsync(Activity activity, InboxReply reply, CancellationToken cancellationToken)
    {
        var here = new ConnectorTarget(activity.ServiceUrl!, activity.TenantId()!, activity.Conversation!.Id!);
        var messages = reply.Messages;
        if (reply.UpdatedSource is { } updated && activity.ReplyToId is { Length: > 0 } cardId)
        {
            try
            {
                await connector.UpdateAsync(here, cardId, TeamsMessenger.ToActivity(updated), cancellationToken);
            }
            catch (ChatDeliveryException ex) when (!ex.MayHaveArrived)
            {
                Log.ReplyFailed(logger, ex.Kind, ex.Code);
                messages = [updated, .. messages];
            }
        }

        try
        {
            foreach (var message in messages)
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
