namespace CoachBot.Platforms.Teams;

/// <summary>A stored conversation: enough to send into it later. Keys: (tenant, conversation id).</summary>
public sealed record TeamsConversationReference(
    string TenantId,
    string ConversationId,
    string ConversationType,
    string ServiceUrl,
    string BotId,
    string? UserId = null,
    string? AadObjectId = null,
    string? TeamId = null,
    bool Reachable = true)
{
    public const string Personal = "personal";
    public const string Channel = "channel";
    public const string GroupChat = "groupChat";
}
