using CoachBot.Coaching.Chat;

namespace CoachBot.Bot.Teams;

// Teams endpoint log messages, event ids 2200-2299. Never tokens or message text.
internal static partial class Log
{
    [LoggerMessage(EventId = 2201, Level = LogLevel.Warning, Message = "Rejected a Bot Framework token ({Reason}): issuer {Issuer}, audience {Audience}, expiry {Expiry}")]
    public static partial void TokenRejected(ILogger logger, string reason, string? issuer, string? audience, DateTime? expiry);

    [LoggerMessage(EventId = 2202, Level = LogLevel.Warning, Message = "Rejected an activity: serviceurl claim {Problem} from the activity's serviceUrl")]
    public static partial void ServiceUrlMismatch(ILogger logger, string problem);

    [LoggerMessage(EventId = 2203, Level = LogLevel.Warning, Message = "Rejected an activity: signing key not endorsed for channel {ChannelId}")]
    public static partial void NotEndorsed(ILogger logger, string channelId);

    [LoggerMessage(EventId = 2204, Level = LogLevel.Warning, Message = "Rejected an activity from tenant {TenantId}: not in Teams:AllowedTenants")]
    public static partial void TenantRefused(ILogger logger, string tenantId);

    [LoggerMessage(EventId = 2205, Level = LogLevel.Debug, Message = "Ignored a repeated {Type} activity")]
    public static partial void Duplicate(ILogger logger, string type);

    [LoggerMessage(EventId = 2206, Level = LogLevel.Warning, Message = "No coaching inbox is registered; acknowledged a {Type} activity without acting on it")]
    public static partial void NoInbox(ILogger logger, string type);

    [LoggerMessage(EventId = 2207, Level = LogLevel.Warning, Message = "Could not send a reply in Teams ({Kind}: {Code})")]
    public static partial void ReplyFailed(ILogger logger, ChatFailureKind kind, string code);

    [LoggerMessage(EventId = 2208, Level = LogLevel.Information, Message = "CoachBot was removed from a Teams {ConversationType} conversation; reference forgotten")]
    public static partial void Removed(ILogger logger, string conversationType);

    [LoggerMessage(EventId = 2209, Level = LogLevel.Information, Message = "CoachBot was installed in a Teams {ConversationType} conversation; reference stored")]
    public static partial void Installed(ILogger logger, string conversationType);

    [LoggerMessage(EventId = 2210, Level = LogLevel.Warning, Message = "Teams:LocalNoAuth=true: Teams runs in local no-auth mode, accepting unauthenticated activities from loopback only (for the Agents Playground). Set Teams:AppId and Teams:AppPassword instead to connect real Teams.")]
    public static partial void LocalMode(ILogger logger);

    [LoggerMessage(EventId = 2211, Level = LogLevel.Information, Message = "Teams is on for bot {AppId}")]
    public static partial void Enabled(ILogger logger, string appId);

    [LoggerMessage(EventId = 2213, Level = LogLevel.Error, Message = "Could not handle a Teams {Type} activity; the sender was sent an apology and a redelivery will be processed")]
    public static partial void HandlerFailed(ILogger logger, string type, Exception exception);

    [LoggerMessage(EventId = 2214, Level = LogLevel.Warning, Message = "Could not send the apology for a failed Teams activity ({Error})")]
    public static partial void ApologyFailed(ILogger logger, string error);

    [LoggerMessage(EventId = 2215, Level = LogLevel.Warning, Message = "Could not release the claim on a failed Teams activity ({Error}); a redelivery of it will be ignored")]
    public static partial void ReleaseFailed(ILogger logger, string error);

    [LoggerMessage(EventId = 2216, Level = LogLevel.Debug, Message = "Refused a malformed activity: {Problem}")]
    public static partial void MalformedActivity(ILogger logger, string problem);

    [LoggerMessage(EventId = 2217, Level = LogLevel.Debug, Message = "Refused a {Type} activity without a tenant, conversation or usable serviceUrl")]
    public static partial void Unaddressable(ILogger logger, string type);

    // The name is not logged: anyone on the endpoint chooses it.
    [LoggerMessage(EventId = 2218, Level = LogLevel.Debug, Message = "Answered 501 to an invoke CoachBot does not handle")]
    public static partial void UnhandledInvoke(ILogger logger);

    [LoggerMessage(EventId = 2212, Level = LogLevel.Information, Message = "Teams is off (no Teams:AppId): /api/messages answers 401. Set Teams:AppId and Teams:AppPassword, or Teams:LocalNoAuth=true in Development for the Agents Playground.")]
    public static partial void Off(ILogger logger);

    [LoggerMessage(EventId = 2290, Level = LogLevel.Information, Message = "Could not read a Teams member's profile from the Connector ({Error}); using the activity's name only")]
    public static partial void MemberLookupFailed(ILogger logger, string error);
}
