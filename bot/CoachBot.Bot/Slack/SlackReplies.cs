using CoachBot.Coaching.Chat;
using CoachBot.Platforms.Slack;

namespace CoachBot.Bot.Slack;

/// <summary>
/// Sends an <see cref="InboxReply"/> after the ack: updates the clicked message, then posts the messages. When Slack
/// refuses the update for good (message deleted, too old to edit, an expired response_url), the updated message is
/// posted instead: it often carries the only confirmation ("nothing was shared"), which must not be lost.
/// </summary>
internal sealed class SlackReplies(SlackWebClient slack)
{
    public async Task SendAsync(ReplyTarget target, InboxReply reply, CancellationToken cancellationToken)
    {
        var messages = reply.Messages;
        if (reply.UpdatedSource is { } updated && !await TryUpdateAsync(target, updated, cancellationToken))
        {
            messages = [updated, .. messages];
        }

        foreach (var message in messages)
        {
            // In a DM everything is private already; elsewhere "private" means only the asker sees it.
            if (target.IsDirect || reply.Visibility == ReplyVisibility.InConversation)
            {
                await slack.PostMessageAsync(target.TeamId, target.Channel, message, target.ThreadTs, cancellationToken);
            }
            else
            {
                await slack.PostEphemeralAsync(target.TeamId, target.Channel, target.UserId, message, cancellationToken);
            }
        }
    }

    // False when there was nothing to update or Slack will never accept the update; a retryable failure still throws,
    // so the inbound job tries the whole answer again.
    private async Task<bool> TryUpdateAsync(ReplyTarget target, CoachMessage updated, CancellationToken cancellationToken)
    {
        try
        {
            if (target.Source is { } source)
            {
                await slack.UpdateMessageAsync(target.TeamId, source.Conversation.ConversationId, source.MessageId, updated, cancellationToken);
                return true;
            }

            if (target.ResponseUrl is { } url)
            {
                await slack.RespondAsync(target.TeamId, url, updated, inChannel: false, replaceOriginal: true, cancellationToken);
                return true;
            }

            return false;
        }
        catch (SlackApiException ex) when (ex.ErrorClass == SlackErrorClass.Permanent)
        {
            return false;
        }
    }

    /// <summary>Slack shows a command's answer as one message, so several replies are joined into one.</summary>
    public static CoachMessage Join(InboxReply reply) => new(
        string.Join("\n", reply.Messages.Select(m => m.Content.Marked)),
        [.. reply.Messages.SelectMany(m => m.Blocks)]);
}
