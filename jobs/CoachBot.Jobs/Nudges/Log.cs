using CoachBot.Coaching.Chat;
using Microsoft.Extensions.Logging;

namespace CoachBot.Jobs.Nudges;

// Event ids 4000–4099: nudge dispatch and delivery. Ids and counts only; never message text.
internal static partial class Log
{
    [LoggerMessage(EventId = 4000, Level = LogLevel.Information, Message = "Dispatch tick: {Recomputed} schedules recomputed, {Claimed} reps due, {Created} deliveries created, {Orphans} orphans re-enqueued, {Batches} send batches")]
    public static partial void Dispatched(ILogger logger, int recomputed, int claimed, int created, int orphans, int batches);

    [LoggerMessage(EventId = 4001, Level = LogLevel.Information, Message = "Workspace {WorkspaceId} throttled: {Remaining} deliveries rescheduled in {Wait}")]
    public static partial void Throttled(ILogger logger, string workspaceId, int remaining, TimeSpan wait);

    [LoggerMessage(EventId = 4002, Level = LogLevel.Warning, Message = "Workspace {WorkspaceId} answered 429: everyone backs off for {RetryAfter}")]
    public static partial void RateLimited(ILogger logger, string workspaceId, TimeSpan retryAfter);

    [LoggerMessage(EventId = 4003, Level = LogLevel.Warning, Message = "Delivery {DeliveryId} failed ({Kind}): {Code}")]
    public static partial void SendFailed(ILogger logger, Guid deliveryId, ChatFailureKind kind, string code);

    [LoggerMessage(EventId = 4004, Level = LogLevel.Warning, Message = "Delivery {DeliveryId} send broke off with {Error}; will retry")]
    public static partial void SendCrashed(ILogger logger, Guid deliveryId, string error);

    [LoggerMessage(EventId = 4005, Level = LogLevel.Information, Message = "Delivery {DeliveryId} reconciled after an abandoned send: found = {Found}")]
    public static partial void Reconciled(ILogger logger, Guid deliveryId, bool found);

    [LoggerMessage(EventId = 4006, Level = LogLevel.Warning, Message = "Delivery {DeliveryId} may or may not have arrived ({Reason}); the platform cannot be searched, so at-most-once: not resent")]
    public static partial void Unknown(ILogger logger, Guid deliveryId, string reason);

    [LoggerMessage(EventId = 4007, Level = LogLevel.Information, Message = "{Count} follow-ups created")]
    public static partial void FollowUpsCreated(ILogger logger, int count);

    [LoggerMessage(EventId = 4010, Level = LogLevel.Error, Message = "Could not register recurring job {JobId}")]
    public static partial void RegistrationFailed(ILogger logger, Exception exception, string jobId);

    [LoggerMessage(EventId = 4011, Level = LogLevel.Warning, Message = "Delivery {DeliveryId} not sent: its claim expired before the send and another attempt owns it")]
    public static partial void ClaimLost(ILogger logger, Guid deliveryId);

    [LoggerMessage(EventId = 4012, Level = LogLevel.Information, Message = "Dispatch tick claimed {Claimed} reps in {ClaimMs:F0} ms; whole tick (with enqueueing) {TickMs:F0} ms")]
    public static partial void DispatchTimed(ILogger logger, int claimed, double claimMs, double tickMs);
}
