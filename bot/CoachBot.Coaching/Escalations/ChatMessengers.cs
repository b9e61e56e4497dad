using CoachBot.Coaching.Chat;

namespace CoachBot.Coaching.Escalations;

/// <summary>Picks the messenger for a platform from those registered (Slack, Teams, or a test fake).</summary>
public sealed class ChatMessengers(IEnumerable<IChatMessenger> messengers)
{
    private readonly IReadOnlyList<IChatMessenger> _all = messengers.ToList();

    public IChatMessenger For(ChatPlatform platform) =>
        _all.LastOrDefault(m => m.Platform == platform)
        ?? throw new ChatDeliveryException(ChatFailureKind.WorkspaceFatal, $"{platform.ToString().ToLowerInvariant()}_not_configured");
}
