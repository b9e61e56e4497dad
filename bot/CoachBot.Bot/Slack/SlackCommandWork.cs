using System.Text.Json.Nodes;
using CoachBot.Coaching.Chat;
using CoachBot.Platforms.Slack;

namespace CoachBot.Bot.Slack;

/// <summary>Sends a /coach answer that came after the ack through response_url (replacing "Working on it…").</summary>
internal sealed class SlackCommandWork(ICoachingInbox inbox, SlackWebClient slack, SlackPeople people, SlackReplies replies)
{
    /// <summary>A command recorded for a job by an earlier version (commands are no longer queued); runs it once.</summary>
    public async Task<string> RunAsync(string teamId, JsonObject payload, CancellationToken cancellationToken)
    {
        if (SlackCommand.From(payload) is not { } command)
        {
            return "malformed";
        }

        return await AnswerAsync(command, await inbox.OnCommandAsync(await command.ToInboundAsync(people, slack, cancellationToken), cancellationToken), cancellationToken);
    }

    public async Task<string> AnswerAsync(SlackCommand command, InboxReply reply, CancellationToken cancellationToken)
    {
        if (reply.Messages.Count == 0)
        {
            return "no answer";
        }

        if (command.ResponseUrl is { } url && Uri.TryCreate(url, UriKind.Absolute, out var responseUrl))
        {
            await slack.RespondAsync(command.TeamId, responseUrl, SlackReplies.Join(reply), reply.Visibility == ReplyVisibility.InConversation, replaceOriginal: true, cancellationToken);
            return "answered via response_url";
        }

        await replies.SendAsync(new ReplyTarget(command.TeamId, command.ChannelId, command.UserId, IsDirect: false), reply, cancellationToken);
        return "answered";
    }
}
