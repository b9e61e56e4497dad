using Microsoft.Extensions.Logging;

namespace CoachBot.Coaching.People;

internal static partial class PeopleLog
{
    [LoggerMessage(EventId = 5601, Level = LogLevel.Debug, Message = "People cache listening for changes")]
    public static partial void FeedListening(ILogger logger);

    [LoggerMessage(EventId = 5602, Level = LogLevel.Warning, Message = "People cache off: change feed lost ({Error}); retrying in {Backoff}")]
    public static partial void FeedLost(ILogger logger, string error, TimeSpan backoff);
}
