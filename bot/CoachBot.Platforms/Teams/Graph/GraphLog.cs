using Microsoft.Extensions.Logging;

namespace CoachBot.Platforms.Teams.Graph;

internal static partial class GraphLog
{
    [LoggerMessage(EventId = 2301, Level = LogLevel.Information, Message = "Graph refused the token ({Code}); retrying once with a fresh one")]
    public static partial void TokenRefused(ILogger logger, string code);

    [LoggerMessage(EventId = 2302, Level = LogLevel.Information, Message = "Graph answered {Status}; every Graph call waits {Wait} before the next attempt")]
    public static partial void Throttled(ILogger logger, int status, TimeSpan wait);

    [LoggerMessage(EventId = 2303, Level = LogLevel.Information, Message = "Graph could not be reached ({Error}); trying again")]
    public static partial void NetworkRetry(ILogger logger, string error);
}
