using Microsoft.Extensions.Logging;

namespace CoachBot.Platforms.Crm.HubSpot;

internal static partial class Log
{
    [LoggerMessage(EventId = 1610, Level = LogLevel.Warning, Message = "HubSpot answered 429 ({Policy}); waiting {Wait} before retrying")]
    public static partial void Throttled(ILogger logger, string policy, TimeSpan wait);

    [LoggerMessage(EventId = 1611, Level = LogLevel.Warning, Message = "HubSpot call failed with {Status}; retry {Attempt}")]
    public static partial void Retrying(ILogger logger, int status, int attempt);

    [LoggerMessage(EventId = 1612, Level = LogLevel.Warning, Message = "HubSpot could not be reached ({Error}); retry {Attempt}")]
    public static partial void NetworkRetry(ILogger logger, string error, int attempt);

    [LoggerMessage(EventId = 1613, Level = LogLevel.Information, Message = "HubSpot search reached its {Limit}-result cap at {Since}; restarting the query from there")]
    public static partial void SearchRestarted(ILogger logger, int limit, DateTimeOffset since);

    [LoggerMessage(EventId = 1614, Level = LogLevel.Warning, Message = "More than {Limit} HubSpot {Object} share the modified time {Since}; the ones past the cap are read on the next full load")]
    public static partial void SearchTie(ILogger logger, int limit, string @object, DateTimeOffset since);
}
