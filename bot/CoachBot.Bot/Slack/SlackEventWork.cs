using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using CoachBot.Coaching.Chat;
using CoachBot.Platforms.Slack;
using Microsoft.Extensions.Options;

namespace CoachBot.Bot.Slack;

/// <summary>Translates one recorded Events API event into a core call and sends the answer.</summary>
internal sealed partial class SlackEventWork(
    ICoachingInbox inbox, SlackWebClient slack, SlackBotIdentity identity, SlackPeople people, SlackReplies replies, IOptions<SlackOptions> options)
{
    public async Task<string> RunAsync(string teamId, JsonObject envelope, CancellationToken cancellationToken)
    {
        var inner = envelope.Obj("event") ?? [];
        var self = await identity.GetAsync(slack, teamId, cancellationToken);
        if (SlackEventFilter.IgnoreReason(inner, self) is { } reason)
        {
            return $"ignored: {reason}";
        }

        var type = inner.Str("type");
        var userId = inner.Str("user") ?? "";
        var channel = inner.Str("channel") ?? "";
        if (type == "member_joined_channel")
        {
            var remove = await inbox.OnMemberJoinedAsync(new MemberJoined(new PersonKey(ChatPlatform.Slack, teamId, userId), Address(teamId, channel)), cancellationToken);
            return remove ? await KickAsync(teamId, channel, userId, cancellationToken) : "member joined";
        }

        var sender = await people.GetSenderAsync(slack, teamId, userId, cancellationToken);
        switch (type)
        {
            case "message":
                var reply = await inbox.OnMessageAsync(new InboundMessage(sender, Address(teamId, channel), SlackText.Unescape(inner.Str("text"))), cancellationToken);
                await replies.SendAsync(new ReplyTarget(teamId, channel, userId, IsDirect: true), reply, cancellationToken);
                return "message";
            case "app_mention":
                await MentionAsync(teamId, inner, sender, self, cancellationToken);
                return "mention";
            case "app_home_opened" when inner.Str("tab") == "home":
                await slack.PublishHomeAsync(teamId, userId, await inbox.GetHomeAsync(sender, cancellationToken), cancellationToken);
                return "home published";
            case "app_home_opened":
                var welcome = await inbox.OnConversationStartedAsync(sender, Address(teamId, channel), cancellationToken);
                await replies.SendAsync(new ReplyTarget(teamId, channel, userId, IsDirect: true), welcome, cancellationToken);
                return "conversation started";
            default:
                return "ignored";
        }
    }

    // The core has already alerted the channel and the admins; removal is best effort (needs channels:manage / groups:write).
    private async Task<string> KickAsync(string teamId, string channel, string userId, CancellationToken cancellationToken)
    {
        try
        {
            await slack.KickAsync(teamId, channel, userId, cancellationToken);
            return "member removed from the managers' channel";
        }
        catch (SlackApiException ex) when (ex.ErrorClass == SlackErrorClass.Permanent)
        {
            return $"member flagged; not removed ({ex.Error})";
        }
    }

    // In the managers' channel an @-mention is a command ("@CoachBot ack E-42"); anywhere else it is conversation.
    private async Task MentionAsync(string teamId, JsonObject inner, Sender sender, SlackIdentity self, CancellationToken cancellationToken)
    {
        var channel = inner.Str("channel")!;
        var thread = inner.Str("thread_ts") ?? inner.Str("ts");
        var text = SlackText.Unescape(MentionPattern().Replace(inner.Str("text") ?? "", match => match.Groups[1].Value == self.UserId ? "" : match.Value).Trim());
        var conversation = Address(teamId, channel) with { ThreadId = thread };
        var reply = channel == options.Value.ManagerChannelId
            ? await inbox.OnCommandAsync(new InboundCommand(sender, conversation, text), cancellationToken)
            : await inbox.OnMessageAsync(new InboundMessage(sender, conversation, text), cancellationToken);
        await replies.SendAsync(new ReplyTarget(teamId, channel, sender.Key.UserId, IsDirect: false) { ThreadTs = thread }, reply, cancellationToken);
    }

    private static ChatAddress Address(string teamId, string channel) => new(ChatPlatform.Slack, teamId, channel);

    [GeneratedRegex(@"<@([UW][A-Z0-9]+)(?:\|[^>]*)?>")]
    private static partial Regex MentionPattern();
}
