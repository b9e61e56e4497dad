using System.Text.Json.Nodes;
using CoachBot.Coaching.Chat;
using CoachBot.Platforms.Slack;

namespace CoachBot.Bot.Slack;

/// <summary>Turns a recorded block_actions click into <see cref="ICoachingInbox.OnActionAsync"/> and applies the answer.</summary>
internal sealed class SlackActionWork(ICoachingInbox inbox, SlackWebClient slack, SlackPeople people, SlackReplies replies)
{
    public async Task<string> RunAsync(string teamId, JsonObject payload, CancellationToken cancellationToken)
    {
        var userId = payload.Obj("user").Str("id");
        var action = payload.Arr("actions") is [JsonObject first, ..] ? first : null;
        if (userId is null || action?.Str("action_id") is not { } actionId)
        {
            return "malformed";
        }

        var container = payload.Obj("container");
        var fromMessage = container.Str("type") == "message" && container.Str("message_ts") is not null;
        // A Home tab click has no channel: answers go to the person's DM (posting to a user id opens it).
        var channel = container.Str("channel_id") ?? payload.Obj("channel").Str("id") ?? userId;
        var conversation = new ChatAddress(ChatPlatform.Slack, teamId, channel);
        var source = fromMessage && container.Bool("is_ephemeral") != true ? new SentMessage(conversation, container.Str("message_ts")!) : null;

        var sender = await people.GetSenderAsync(slack, teamId, userId, cancellationToken);
        var reply = await inbox.OnActionAsync(
            new InboundAction(sender, conversation, source, SlackActionId.Neutral(actionId), action.Str("value") ?? action.Obj("selected_option").Str("value") ?? ""),
            cancellationToken);

        var target = new ReplyTarget(teamId, channel, userId, IsDirect: channel.StartsWith('D') || channel == userId)
        {
            Source = source,
            ResponseUrl = Uri.TryCreate(payload.Str("response_url"), UriKind.Absolute, out var url) ? url : null,
        };
        await replies.SendAsync(target, reply, cancellationToken);
        return "action";
    }
}
