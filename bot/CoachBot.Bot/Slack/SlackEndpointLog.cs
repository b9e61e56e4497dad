using CoachBot.Platforms.Slack;

namespace CoachBot.Bot.Slack;

// Event ids 3200-3299: Slack endpoints and after-the-ack jobs. Never log secrets, tokens or message text.
// Refused input (3201-3203) is Information: anyone can send it, so it must not read as our failure.
internal static partial class SlackEndpointLog
{
    [LoggerMessage(EventId = 3201, Level = LogLevel.Information, Message = "Slack request to {Path} refused: signature {Reason}")]
    public static partial void Rejected(ILogger logger, PathString path, SignatureCheck reason);

    [LoggerMessage(EventId = 3202, Level = LogLevel.Information, Message = "Slack request to {Path} refused: body over {MaxBytes} bytes")]
    public static partial void TooLarge(ILogger logger, PathString path, int maxBytes);

    [LoggerMessage(EventId = 3203, Level = LogLevel.Information, Message = "Slack request to {Path} refused: malformed {What}")]
    public static partial void Malformed(ILogger logger, PathString path, string what);

    [LoggerMessage(EventId = 3204, Level = LogLevel.Error, Message = "Slack request to {Path} could not be recorded")]
    public static partial void HandlerFailed(ILogger logger, Exception exception, PathString path);

    [LoggerMessage(EventId = 3205, Level = LogLevel.Information, Message = "Slack event {EventId} already processed (retry {RetryNum}, {RetryReason}); answered without reprocessing")]
    public static partial void Duplicate(ILogger logger, string eventId, string? retryNum, string? retryReason);

    [LoggerMessage(EventId = 3206, Level = LogLevel.Debug, Message = "Slack event {EventType} ignored: {Reason}")]
    public static partial void Ignored(ILogger logger, string eventType, string reason);

    [LoggerMessage(EventId = 3207, Level = LogLevel.Warning, Message = "Slack workspace {TeamId} disabled after {EventType}; its data is kept")]
    public static partial void WorkspaceRemoved(ILogger logger, string teamId, string eventType);

    [LoggerMessage(EventId = 3208, Level = LogLevel.Warning, Message = "Slack delivered app_rate_limited for {TeamId}: events were dropped by Slack")]
    public static partial void AppRateLimited(ILogger logger, string teamId);

    [LoggerMessage(EventId = 3209, Level = LogLevel.Information, Message = "Slack is off: set Slack:SigningSecret with Slack:BotToken (one workspace) or the OAuth install settings to turn it on")]
    public static partial void Off(ILogger logger);

    [LoggerMessage(EventId = 3210, Level = LogLevel.Warning, Message = "Slack /coach answer took longer than {Budget}; finishing through response_url")]
    public static partial void CommandDeferred(ILogger logger, TimeSpan budget);

    [LoggerMessage(EventId = 3211, Level = LogLevel.Error, Message = "Slack /coach failed in the coaching core")]
    public static partial void CommandFailed(ILogger logger, Exception exception);

    [LoggerMessage(EventId = 3212, Level = LogLevel.Warning, Message = "Slack inbound {InboundId} ({Kind}) finished with a permanent Slack error {Error}")]
    public static partial void PermanentFailure(ILogger logger, long inboundId, string kind, string error);

    [LoggerMessage(EventId = 3221, Level = LogLevel.Warning, Message = "PostgreSQL is unreachable ({Error}); Slack start-up (sweep schedule, auth.test) is retried every {Every} until it is back")]
    public static partial void StartupWaitsForDatabase(ILogger logger, string error, TimeSpan every);

    [LoggerMessage(EventId = 3213, Level = LogLevel.Error, Message = "Slack auth.test failed at start: {Error}")]
    public static partial void AuthTestFailed(ILogger logger, string error);

    [LoggerMessage(EventId = 3214, Level = LogLevel.Information, Message = "Slack inbound sweep re-enqueued {Count} stranded request(s)")]
    public static partial void Swept(ILogger logger, int count);

    [LoggerMessage(EventId = 3215, Level = LogLevel.Information, Message = "Slack bot identity: user {UserId}, bot {BotId} in workspace {TeamId}")]
    public static partial void Identified(ILogger logger, string userId, string botId, string teamId);

    [LoggerMessage(EventId = 3216, Level = LogLevel.Warning, Message = "Slack install refused ({Stage}): {Reason}")]
    public static partial void InstallRefused(ILogger logger, string stage, string reason);

    [LoggerMessage(EventId = 3217, Level = LogLevel.Information, Message = "Slack workspace {TeamId} installed: bot user {BotUserId}, scopes {Scopes}")]
    public static partial void Installed(ILogger logger, string teamId, string botUserId, string scopes);

    [LoggerMessage(EventId = 3218, Level = LogLevel.Warning, Message = "Slack /coach answered while the database is unavailable ({Error})")]
    public static partial void CommandDuringOutage(ILogger logger, string error);

    [LoggerMessage(EventId = 3219, Level = LogLevel.Warning, Message = "Slack answer could not be sent through response_url")]
    public static partial void LateAnswerFailed(ILogger logger, Exception exception);

    [LoggerMessage(EventId = 3220, Level = LogLevel.Warning, Message = "Slack request to {Path} not recorded: the database is unavailable ({Error}); Slack will retry events")]
    public static partial void DatabaseUnavailable(ILogger logger, PathString path, string error);

    [LoggerMessage(EventId = 3231, Level = LogLevel.Warning, Message = "Slack inbound lane could not poll for recorded requests ({Error})")]
    public static partial void LanePollFailed(ILogger logger, string error);

    [LoggerMessage(EventId = 3232, Level = LogLevel.Warning, Message = "Slack inbound request {InboundId} failed in the lane; retried through Hangfire")]
    public static partial void LaneRunFailed(ILogger logger, long inboundId, Exception exception);
}
