namespace CoachBot.Coaching.Managers;

/// <summary>
/// Why CoachBot cannot reach someone, in words an admin can act on. The codes come from the platforms (Connector and
/// Slack errors, "not-installed") and from the Teams install (graph:…); unknown codes are shown as they are.
/// </summary>
public static class ReachAdvice
{
    public const string GraphUserNotFound = "graph:user-not-found";
    public const string GraphPermissionMissing = "graph:permission-missing";
    public const string GraphBlockedByPolicy = "graph:blocked-by-policy";
    public const string GraphThrottled = "graph:throttled";
    public const string GraphFailed = "graph:failed";

    public const string GrantPermission =
        "In the Entra admin center, open the CoachBot app registration > API permissions, add the Microsoft Graph application permission " +
        "TeamsAppInstallation.ReadWriteSelfForUser.All (or TeamsAppInstallation.ReadWriteForUser.All), select Grant admin consent, then run `install teams` again.";

    public const string AllowByPolicy =
        "In the Teams admin center, allow CoachBot under Teams apps > Manage apps, make sure the app permission policy (or app centric management) " +
        "lets these people use it, or add CoachBot to an app setup policy that installs it for them; then run `install teams` again.";

    public const string GraphNotConfigured =
        "Installing the Teams app through Microsoft Graph is not set up. Set Teams:Graph:Enabled to true and Teams:Graph:TeamsAppId to CoachBot's " +
        "id in your org app catalog, grant the Graph application permission TeamsAppInstallation.ReadWriteSelfForUser.All with admin consent, " +
        "and restart CoachBot (docs/teams-setup.md). Until then, an app setup policy in the Teams admin center can install CoachBot for everyone.";

    /// <summary>What happened and what to do, for one reason code.</summary>
    public static (string Why, string Fix) For(string? reason) => Code(reason) switch
    {
        "not-installed" or "BotNotInConversationRoster" or "ForbiddenOperationException" =>
            ("CoachBot's Teams app is not installed for them.", "Run `install teams`, or ask them to add CoachBot in Teams."),
        "ConversationBlockedByUser" or "MessageWritesBlocked" =>
            ("They blocked or removed CoachBot in Teams.", "Ask them to unblock it; CoachBot resumes when they message it."),
        "BotDisabledByAdmin" => ("A Teams admin blocked CoachBot.", AllowByPolicy),
        "ConversationNotFound" => ("Their Teams chat with CoachBot no longer exists.", "Run `install teams`, or ask them to message CoachBot."),
        "account_inactive" or "user_not_found" or "user_disabled" =>
            ("Their Slack account is deactivated or gone.", "Remove them from the roster if they left."),
        "cannot_dm_bot" or "not_allowed_token_type" or "channel_not_found" =>
            ("Slack does not let CoachBot open a chat with them.", "Ask them to open CoachBot in Slack and send it a message."),
        GraphUserNotFound => ("Microsoft Graph has no such user in your directory.", "Check they still exist in Entra ID; remove them from the roster if they left."),
        GraphPermissionMissing => ("Microsoft Graph refused to install CoachBot: the app registration lacks the permission.", GrantPermission),
        GraphBlockedByPolicy => ("Teams policy stops CoachBot being installed for them.", AllowByPolicy),
        GraphThrottled => ("Microsoft Graph was too busy to install CoachBot for them.", "Run `install teams` again later."),
        GraphFailed => ("Installing CoachBot for them through Microsoft Graph failed.", "Run `install teams` again; if it keeps failing, check the CoachBot log."),
        _ => ($"The platform answered \"{reason}\".", "Ask them to message CoachBot; that makes them reachable again."),
    };

    // Connector reasons are stored as "403 BotNotInConversationRoster": the code is the last word.
    private static string Code(string? reason) =>
        string.IsNullOrWhiteSpace(reason) ? "unknown" : reason.StartsWith("graph:", StringComparison.Ordinal) ? reason : reason.Split(' ')[^1];
}
