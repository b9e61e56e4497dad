using CoachBot.Coaching.Chat;
using CoachBot.Platforms.Slack;

namespace CoachBot.Bot.Slack;

/// <summary>Sends an <see cref="InboxReply"/> after the ack: updates the clicked message, then posts the messages.</summary>
internal sealed class SlackReplies(SlackWebClient slack)
{
    public async Task SendAsync(ReplyTarget target, InboxReply reply, CancellationToken cancellationToken)
    {
        if (reply.UpdatedSource is { } updated)
        {
            if (target.Source is { } source)
            {
                await slack.UpdateMessageAsync(target.TeamId, source.Conversation.ConversationId, source.MessageId, updated, cancellationToken);
            }
            else if (target.ResponseUrl is { } url)
            {
                await slack.RespondAsync(target.TeamId, url, updated, inChannel: false, replaceOriginal: true, cancellationToken);
            }
        }

        foreach (var message in reply.Messages)
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

    /// <summary>Slack shows a command's answer as one message, so several replies are joined into one.</summary>
    public static CoachMessage Join(InboxReply reply) => new(
        string.Join("\n", reply.Messages.Select(m => m.Content.Marked)),
        [.. reply.Messages.SelectMany(m => m.Blocks)]);
}
