namespace CoachBot.Bot.Slack.SocketMode;

// Event ids 3250-3269: Slack Socket Mode. Never log the app token, the socket URL (it is a credential) or message text.
internal static partial class SlackSocketLog
{
    [LoggerMessage(EventId = 3251, Level = LogLevel.Information, Message = "Slack Socket Mode connected (connection {Connection} since start)")]
    public static partial void Connected(ILogger logger, int connection);

    [LoggerMessage(EventId = 3252, Message = "Slack Socket Mode reconnecting after {Reason}; next attempt in {Delay}")]
    public static partial void Reconnecting(ILogger logger, LogLevel level, string reason, TimeSpan delay);

    [LoggerMessage(EventId = 3253, Level = LogLevel.Error, Message = "Slack Socket Mode stopped for good: {Reason}. Nothing reaches this instance from Slack until Socket Mode is fixed in the app's settings and CoachBot is restarted")]
    public static partial void Stopped(ILogger logger, string reason);

    [LoggerMessage(EventId = 3254, Level = LogLevel.Warning, Message = "Slack Socket Mode {Type} envelope not acked: the database is unavailable ({Error}); Slack retries events")]
    public static partial void NotAcked(ILogger logger, string type, string error);

    [LoggerMessage(EventId = 3255, Level = LogLevel.Information, Message = "Slack Socket Mode message skipped: {What}")]
    public static partial void Skipped(ILogger logger, string what);

    [LoggerMessage(EventId = 3256, Level = LogLevel.Warning, Message = "Slack Socket Mode envelope {Type} failed before its ack")]
    public static partial void EnvelopeFailed(ILogger logger, string type, Exception exception);
}
