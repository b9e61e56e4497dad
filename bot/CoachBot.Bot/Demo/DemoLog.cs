namespace CoachBot.Bot.Demo;

internal static partial class DemoLog
{
    [LoggerMessage(EventId = 6001, Level = LogLevel.Warning, Message = "Demo mode is on: the clock can be moved and /demo endpoints are open to loopback callers")]
    public static partial void Enabled(ILogger logger);

    [LoggerMessage(EventId = 6002, Level = LogLevel.Information, Message = "Demo roster ready in workspace {TeamId}: {People} people")]
    public static partial void Seeded(ILogger logger, string teamId, int people);

    [LoggerMessage(EventId = 6003, Level = LogLevel.Information, Message = "Demo clock moved forward by {By} in {Steps} step(s); offset now {Offset}")]
    public static partial void ClockAdvanced(ILogger logger, TimeSpan by, TimeSpan offset, int steps);

    [LoggerMessage(EventId = 6004, Level = LogLevel.Information, Message = "No nudge dispatcher is registered; demo nudges are not sent")]
    public static partial void NoDispatcher(ILogger logger);

    [LoggerMessage(EventId = 6005, Level = LogLevel.Information, Message = "Demo: person {PersonId} marked due now")]
    public static partial void MarkedDue(ILogger logger, long personId);

    [LoggerMessage(EventId = 6006, Level = LogLevel.Information, Message = "Demo clock restored: offset {Offset}")]
    public static partial void ClockRestored(ILogger logger, TimeSpan offset);

    [LoggerMessage(EventId = 6007, Level = LogLevel.Warning, Message = "Demo fast-forward stopped stepping after {Steps} step(s); the rest of the way is one jump")]
    public static partial void FastForwardCut(ILogger logger, int steps);
}
