namespace CoachBot.Platforms.Slack;

/// <summary>A Web API call that did not succeed. <see cref="Error"/> is Slack's code (or "http_503", "timeout"), safe to log.</summary>
public sealed class SlackApiException(string method, string error, SlackErrorClass errorClass, TimeSpan? retryAfter = null, Exception? inner = null)
    : Exception($"Slack {method} failed: {error} ({errorClass})", inner)
{
    public string Method { get; } = method;

    public string Error { get; } = error;

    public SlackErrorClass ErrorClass { get; } = errorClass;

    public TimeSpan? RetryAfter { get; } = retryAfter;

    /// <summary>True when Slack certainly did not act on the request (429, refused connection), so resending cannot duplicate.</summary>
    public bool NotProcessed { get; init; }
}
