using Microsoft.Extensions.Logging;

namespace CoachBot.Coaching.Conversation;

// Event ids 3500–3599: the rep conversation. Never log what a rep typed.
internal static partial class ConversationLog
{
    [LoggerMessage(EventId = 3501, Level = LogLevel.Information, Message = "New rep {PersonId} registered; onboarding started")]
    public static partial void RepRegistered(ILogger logger, long personId);

    [LoggerMessage(EventId = 3502, Level = LogLevel.Warning, Message = "Raising an escalation for rep {PersonId} failed; the rep was asked to retry")]
    public static partial void EscalationRaiseFailed(ILogger logger, Exception exception, long personId);

    [LoggerMessage(EventId = 3503, Level = LogLevel.Information, Message = "Rep {PersonId} deleted their data ({Rows} rows)")]
    public static partial void DataDeleted(ILogger logger, long personId, int rows);

    [LoggerMessage(EventId = 3504, Level = LogLevel.Debug, Message = "Reply from rep {PersonId} stored ({Length} chars, truncated: {Truncated})")]
    public static partial void ReplyStored(ILogger logger, long personId, int length, bool truncated);

    [LoggerMessage(EventId = 3505, Level = LogLevel.Warning, Message = "Nudge action from rep {PersonId} for a delivery owned by someone else was ignored")]
    public static partial void ForeignDelivery(ILogger logger, long personId);
}
