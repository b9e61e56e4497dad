using CoachBot.Coaching.Chat;

namespace CoachBot.Coaching.People;

/// <summary>
/// The managers' channel each platform's settings name (Slack:ManagerChannelId, Teams:ManagerChannelId). Registration
/// writes it onto the workspace row the first time CoachBot hears from that workspace and whenever the setting changes
/// (never when it already matches), because escalations only ever go to the channel stored there.
/// </summary>
public sealed class ManagerChannelSettings(IReadOnlyDictionary<ChatPlatform, string?> configured)
{
    public string? For(ChatPlatform platform) =>
        configured.TryGetValue(platform, out var channel) && !string.IsNullOrWhiteSpace(channel) ? channel : null;
}
