using System.Text.Json.Nodes;
using CoachBot.Coaching.Chat;
using CoachBot.Platforms.Slack;

namespace CoachBot.Bot.Slack;

/// <summary>Finishes a /coach command that outran the ack budget: runs it again (the core is idempotent) and answers via response_url.</summary>
internal sealed class SlackCommandWork(ICoachingInbox inbox, SlackWebClient slack, SlackPeople people, SlackReplies replies)
{
    public async Task<string> RunAsync(string teamId, JsonObject payload, CancellationToken cancellationToken)
    {
        if (SlackCommand.From(payload) is not { } command)
        {
            return "malformed";
        }

        var reply = await inbox.OnCommandAsync(await command.ToInboundAsync(people, slack, cancellationToken), cancellationToken);
        if (reply.Messages.Count == 0)
        {
            return "no answer";
        }

        if (command.ResponseUrl is { } url && Uri.TryCreate(url, UriKind.Absolute, out var responseUrl))
        {
            // Replaces the "Working on it…" the ack showed.
            await slack.RespondAsync(teamId, responseUrl, SlackReplies.Join(reply), reply.Visibility == ReplyVisibility.InConversation, replaceOriginal: true, cancellationToken);
            return "answered via response_url";
        }

        await replies.SendAsync(new ReplyTarget(teamId, command.ChannelId, command.UserId, IsDirect: false), reply, cancellationToken);
        return "answered";
    }
}
