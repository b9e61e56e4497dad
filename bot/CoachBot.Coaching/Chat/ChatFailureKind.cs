namespace CoachBot.Coaching.Chat;

public enum ChatFailureKind
{
    /// <summary>Try again later: rate limits, 5xx, timeouts.</summary>
    Retryable,

    /// <summary>This message will never go through as it is (bad blocks, channel not found).</summary>
    Permanent,

    /// <summary>The person cannot be reached (blocked the bot, left, app not installed for them).</summary>
    Unreachable,

    /// <summary>The whole workspace or tenant is unusable (token revoked, app uninstalled).</summary>
    WorkspaceFatal,
}
