namespace CoachBot.Bot.WebConsole;

// 9xxx: the web console. Never a token, a code or a claim value beyond platform ids.
internal static partial class ConsoleLog
{
    [LoggerMessage(EventId = 9001, Level = LogLevel.Information, Message = "Console sign-in through {Scheme}: person {PersonId} ({Role})")]
    public static partial void SignedIn(ILogger logger, string scheme, long personId, string role);

    [LoggerMessage(EventId = 9002, Level = LogLevel.Information, Message = "Console sign-in through {Scheme} by someone not on the roster of workspace {Workspace}")]
    public static partial void NotOnRoster(ILogger logger, string scheme, string workspace);

    [LoggerMessage(EventId = 9003, Level = LogLevel.Warning, Message = "Console sign-in through {Scheme} failed: {Failure}")]
    public static partial void SignInFailed(ILogger logger, string scheme, string failure);

    [LoggerMessage(EventId = 9004, Level = LogLevel.Warning, Message = "Console sign-in through Slack failed: the token endpoint answered ok=false ({Error})")]
    public static partial void SlackTokenRefused(ILogger logger, string error);

    [LoggerMessage(EventId = 9005, Level = LogLevel.Information, Message = "Console sign-out: person {PersonId}")]
    public static partial void SignedOut(ILogger logger, long personId);

    [LoggerMessage(EventId = 9006, Level = LogLevel.Warning, Message = "Console {Method} {Path} refused: missing or invalid antiforgery token")]
    public static partial void AntiforgeryRefused(ILogger logger, string method, string path);
}
