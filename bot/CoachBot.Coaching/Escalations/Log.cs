using Microsoft.Extensions.Logging;

namespace CoachBot.Coaching.Escalations;

internal static partial class Log
{
    [LoggerMessage(EventId = 5001, Level = LogLevel.Information, Message = "Escalation {EscalationId} raised ({Reason}) for person {RepId}")]
    public static partial void Raised(ILogger logger, string escalationId, EscalationReason reason, long repId);

    [LoggerMessage(EventId = 5002, Level = LogLevel.Warning, Message = "Escalation {EscalationId} card not posted: {Why}")]
    public static partial void CardNotPosted(ILogger logger, string escalationId, string why);

    [LoggerMessage(EventId = 5003, Level = LogLevel.Warning, Message = "Escalation {EscalationId}: could not reach person {PersonId} ({Code})")]
    public static partial void DirectFailed(ILogger logger, string escalationId, long personId, string code);

    [LoggerMessage(EventId = 5004, Level = LogLevel.Warning, Message = "Escalation {EscalationId} card not updated: {Why}")]
    public static partial void CardNotUpdated(ILogger logger, string escalationId, string why);

    [LoggerMessage(EventId = 5005, Level = LogLevel.Information, Message = "Escalation {EscalationId} {Stage} deadline reached")]
    public static partial void DeadlineReached(ILogger logger, string escalationId, EscalationStage stage);

    [LoggerMessage(EventId = 5006, Level = LogLevel.Warning, Message = "Could not cancel deadline job {JobId}")]
    public static partial void CancelFailed(ILogger logger, Exception exception, string jobId);

    [LoggerMessage(EventId = 5007, Level = LogLevel.Warning, Message = "Time zone {TimeZone} unknown; using UTC for deadlines")]
    public static partial void UnknownTimeZone(ILogger logger, string timeZone);

    [LoggerMessage(EventId = 5008, Level = LogLevel.Warning, Message = "Escalation {EscalationId} was raised without its card or deadlines; finished by the repair sweep")]
    public static partial void Repaired(ILogger logger, string escalationId);
}
