using System.Text.Json.Nodes;
using CoachBot.Platforms.Slack;

namespace CoachBot.Bot.Slack;

/// <summary>Which inner events CoachBot acts on. Bots (itself included) and message subtypes are dropped, which also prevents reply loops.</summary>
internal static class SlackEventFilter
{
    public static readonly string[] Handled =
        ["message", "app_mention", "app_home_opened", "member_joined_channel", "app_uninstalled", "tokens_revoked"];

    /// <summary>Null when the event should be handled, else why not (for a debug log line).</summary>
    public static string? IgnoreReason(JsonObject inner, SlackIdentity? self)
    {
        var type = inner.Str("type") ?? "";
        if (!Handled.Contains(type))
        {
            return "unhandled event type";
        }

        if (type is "message" or "app_mention")
        {
            if (inner["subtype"] is not null)
            {
                return "message subtype";
            }

            if (inner["bot_id"] is not null)
            {
                return "sent by a bot";
            }

            if (type == "message" && inner.Str("channel_type") != "im")
            {
                return "not a direct message";
            }

            if (string.IsNullOrEmpty(inner.Str("user")) || string.IsNullOrEmpty(inner.Str("channel")))
            {
                return "no user or channel";
            }
        }

        // The bot's own join is how it learns it was added to a channel, so member_joined_channel is kept.
        if (type != "member_joined_channel" && self is not null && inner.Str("user") == self.UserId)
        {
            return "sent by CoachBot itself";
        }

        return null;
    }
}
