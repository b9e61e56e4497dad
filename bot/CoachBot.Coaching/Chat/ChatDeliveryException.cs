namespace CoachBot.Coaching.Chat;

public sealed class ChatDeliveryException(ChatFailureKind kind, string code, TimeSpan? retryAfter = null, Exception? inner = null)
    : Exception($"Chat delivery failed ({kind}): {code}", inner)
{
    public ChatFailureKind Kind { get; } = kind;

    /// <summary>The platform's error code (Slack <c>error</c>, Teams status/sub-code), safe to log.</summary>
    public string Code { get; } = code;

    public TimeSpan? RetryAfter { get; } = retryAfter;
}
