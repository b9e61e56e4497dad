namespace CoachBot.Coaching.Chat;

/// <summary>A message the platform accepted: enough to update it in place later (Slack ts, Teams activity id).</summary>
public sealed record SentMessage(ChatAddress Conversation, string MessageId);
