using CoachBot.Coaching.Chat;

namespace CoachBot.Bot.Slack;

/// <summary>Where the core's answer to one Slack request goes: the conversation, the asker, and the message that held a button.</summary>
internal sealed record ReplyTarget(string TeamId, string Channel, string UserId, bool IsDirect)
{
    public string? ThreadTs { get; init; }

    public Uri? ResponseUrl { get; init; }

    /// <summary>A non-ephemeral message to update with chat.update; ephemeral ones change only through the response_url.</summary>
    public SentMessage? Source { get; init; }
}
