namespace CoachBot.Coaching.Chat;

/// <summary>A conversation on a platform: a DM, the managers' channel, a thread.</summary>
public sealed record ChatAddress(ChatPlatform Platform, string WorkspaceId, string ConversationId, string? ThreadId = null);
