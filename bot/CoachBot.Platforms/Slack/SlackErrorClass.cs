namespace CoachBot.Platforms.Slack;

public enum SlackErrorClass
{
    /// <summary>Try again after a pause: rate limits, Slack-side failures, timeouts.</summary>
    Retryable,

    /// <summary>This request will never succeed as it is; never retried.</summary>
    Permanent,

    /// <summary>The token no longer works for the whole workspace: stop sending there.</summary>
    WorkspaceFatal,
}
