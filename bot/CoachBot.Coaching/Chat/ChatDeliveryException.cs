namespace CoachBot.Coaching.Chat;

public sealed class ChatDeliveryException(ChatFailureKind kind, string code, TimeSpan? retryAfter = null, Exception? inner = null)
    : Exception($"Chat delivery failed ({kind}): {code}", inner)
{
    public ChatFailureKind Kind { get; } = kind;

    /// <summary>The platform's error code (Slack <c>error</c>, Teams status/sub-code), safe to log.</summary>
    public string Code { get; } = code;

    public TimeSpan? RetryAfter { get; } = retryAfter;

    /// <summary>
    /// True when the request may have reached the platform before it failed (a timeout, a dropped connection, a 5xx
    /// from a gateway): resending blindly could duplicate the message, so a sender must reconcile or give up instead.
    /// False when the platform certainly did not act on it (429, refused connection, an error answer).
    /// </summary>
    public bool MayHaveArrived { get; init; }
}
