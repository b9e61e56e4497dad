using Microsoft.Extensions.Logging;

namespace CoachBot.Platforms.Slack;

// Event ids 3100-3199: Slack Web API client and messenger. Never log tokens or message text.
internal static partial class SlackLog
{
    [LoggerMessage(EventId = 3101, Level = LogLevel.Warning, Message = "Slack {Method} rate limited in {TeamId}; Retry-After {RetryAfter}, attempt {Attempt}")]
    public static partial void RateLimited(ILogger logger, string method, string? teamId, TimeSpan retryAfter, int attempt);

    [LoggerMessage(EventId = 3102, Level = LogLevel.Warning, Message = "Slack {Method} failed with {Error} ({ErrorClass}), attempt {Attempt}")]
    public static partial void CallFailed(ILogger logger, string method, string error, SlackErrorClass errorClass, int attempt);

    [LoggerMessage(EventId = 3103, Level = LogLevel.Error, Message = "Slack workspace {TeamId} disabled: {Method} answered {Error}; sending there stops until a working token is configured")]
    public static partial void WorkspaceDisabled(ILogger logger, string teamId, string method, string error);

    [LoggerMessage(EventId = 3104, Level = LogLevel.Warning, Message = "Slack {Method} refused: workspace {TeamId} is disabled")]
    public static partial void WorkspaceIsDisabled(ILogger logger, string method, string teamId);

    [LoggerMessage(EventId = 3106, Level = LogLevel.Warning, Message = "Slack {Method} gave up after {Attempts} attempt(s): {Error}")]
    public static partial void GaveUp(ILogger logger, string method, int attempts, string error);
}
