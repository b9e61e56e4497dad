using Microsoft.Extensions.Logging;

namespace CoachBot.Platforms.Teams;

// Teams client log messages, event ids 2100-2199. Never tokens or message bodies.
internal static partial class Log
{
    [LoggerMessage(EventId = 2101, Level = LogLevel.Warning, Message = "Teams throttled tenant {TenantId}; pausing its sends for {RetryAfter}")]
    public static partial void Throttled(ILogger logger, string tenantId, TimeSpan retryAfter);

    [LoggerMessage(EventId = 2102, Level = LogLevel.Information, Message = "Connector answered {Error} (attempt {Attempt}); retrying in {Delay}")]
    public static partial void Retrying(ILogger logger, string error, int attempt, TimeSpan delay);

    [LoggerMessage(EventId = 2103, Level = LogLevel.Warning, Message = "Connector still answered {Error} after {Attempts} attempts; giving up for now")]
    public static partial void RetriesExhausted(ILogger logger, string error, int attempts);

    [LoggerMessage(EventId = 2104, Level = LogLevel.Warning, Message = "Teams conversation in tenant {TenantId} is unreachable ({Error}); marked so")]
    public static partial void Unreachable(ILogger logger, string tenantId, string error);

    [LoggerMessage(EventId = 2105, Level = LogLevel.Information, Message = "Opened a 1:1 Teams chat in tenant {TenantId} for a proactive message")]
    public static partial void OpenedPersonalChat(ILogger logger, string tenantId);

    [LoggerMessage(EventId = 2106, Level = LogLevel.Warning, Message = "Could not fetch the Teams token ahead of a send ({Error}); the send will try again")]
    public static partial void TokenWarmUpFailed(ILogger logger, string error);
}
