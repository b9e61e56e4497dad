namespace CoachBot.Coaching.Managers;

/// <summary>
/// Why CoachBot cannot reach someone, in words an admin can act on: the one table the chat (`unreachable`, briefs, the
/// managers' notice, the install report) and the web console share. The codes come from the platforms (Connector and
/// Slack errors, "not-installed"), the Teams install (graph:…) and the roster (roster:…); unknown codes are quoted.
/// </summary>
public static class ReachAdvice
{
    public const string GraphUserNotFound = "graph:user-not-found";
    public const string GraphNotInTenant = "graph:not-in-tenant";
    public const string GraphPermissionMissing = "graph:permission-missing";
    public const string GraphUserReadMissing = "graph:user-read-missing";
    public const string GraphBlockedByPolicy = "graph:blocked-by-policy";
    public const string GraphThrottled = "graph:throttled";
    public const string GraphFailed = "graph:failed";

    /// <summary>A roster row in a Teams tenant for someone who never talked to CoachBot: no chat until the app is installed.</summary>
    public const string RosterNotInstalled = "roster:not-installed";

    /// <summary>A roster row in a Slack workspace for someone who never talked to CoachBot.</summary>
    public const string RosterNeverMessaged = "roster:never-messaged";

    public const string GrantPermission =
        "In the Entra admin center, open the CoachBot app registration > API permissions, add the Microsoft Graph application permission " +
        "TeamsAppInstallation.ReadWriteSelfForUser.All (or TeamsAppInstallation.ReadWriteForUser.All), select Grant admin consent, then run `install teams` again.";

    public const string GrantUserRead =
        "In the Entra admin center, open the CoachBot app registration > API permissions, add the Microsoft Graph application permission " +
        "User.Read.All (CoachBot looks roster emails up with it), select Grant admin consent, then run `install teams` again.";

    public const string AllowByPolicy =
        "In the Teams admin center, allow CoachBot under Teams apps > Manage apps, make sure the app permission policy (or app centric management) " +
        "lets these people use it, or add CoachBot to an app setup policy that installs it for them; then run `install teams` again.";

    public const string GraphNotConfigured =
        "Installing the Teams app through Microsoft Graph is not set up. Set Teams:Graph:Enabled to true and Teams:Graph:TeamsAppId to CoachBot's " +
        "id in your org app catalog, grant the Graph application permission TeamsAppInstallation.ReadWriteSelfForUser.All with admin consent, " +
        "and restart CoachBot (docs/teams-setup.md). Until then, an app setup policy in the Teams admin center can install CoachBot for everyone.";

    private const string MessageToReconnect = "Ask them to message CoachBot; that makes them reachable again.";

    /// <summary>What happened and what to do, for one reason code. Both are whole sentences.</summary>
    public static (string Why, string Fix) For(string? reason) => Code(reason) switch
    {
        "not-installed" or "marked-unreachable" or "BotNotInConversationRoster" or "ForbiddenOperationException" =>
            ("CoachBot's Teams app is not installed for them.", "Run `install teams`, or ask them to add CoachBot in Teams."),
        RosterNotInstalled =>
            ("They are in the roster but have never talked to CoachBot, and the Teams app is not installed for them.", "Run `install teams`, or ask them to add CoachBot in Teams."),
        RosterNeverMessaged =>
            ("They are in the roster but have never talked to CoachBot in Slack.", "Ask them to open CoachBot in Slack and send it a message."),
        "ConversationBlockedByUser" or "MessageWritesBlocked" =>
            ("They blocked or removed CoachBot in Teams.", "Ask them to unblock it; CoachBot resumes when they message it."),
        "BotDisabledByAdmin" => ("A Teams admin blocked CoachBot.", AllowByPolicy),
        "ConversationNotFound" => ("Their Teams chat with CoachBot no longer exists.", "Run `install teams`, or ask them to message CoachBot."),
        "account_inactive" or "user_not_found" or "user_disabled" =>
            ("Their Slack account is deactivated or gone.", "Remove them from the roster if they left."),
        "cannot_dm_bot" or "not_allowed_token_type" or "channel_not_found" or "messages_tab_disabled" =>
            ("Slack does not let CoachBot open a chat with them.", "Ask them to open CoachBot in Slack and send it a message."),
        "not_in_channel" or "is_archived" or "user_not_in_channel" or "unknown-conversation" =>
            ("The conversation CoachBot used for them is gone or archived.", "Ask them to send CoachBot a direct message; CoachBot opens a fresh conversation from it."),
        GraphUserNotFound => ("Microsoft Graph has no such user in your directory.", "Check they still exist in Entra ID; remove them from the roster if they left."),
        GraphNotInTenant => ("Their roster email was not found in your Microsoft 365 tenant.", "Check the email in the roster (it must be their sign-in name or mail address), then import the roster and run `install teams` again."),
        GraphPermissionMissing => ("Microsoft Graph refused to install CoachBot: the app registration lacks the permission.", GrantPermission),
        GraphUserReadMissing => ("Microsoft Graph refused to look up their roster email: the app registration lacks User.Read.All.", GrantUserRead),
        GraphBlockedByPolicy => ("Teams policy stops CoachBot being installed for them.", AllowByPolicy),
        GraphThrottled => ("Microsoft Graph was too busy to install CoachBot for them.", "Run `install teams` again later."),
        GraphFailed => ("Installing CoachBot for them through Microsoft Graph failed.", "Run `install teams` again; if it keeps failing, check the CoachBot log."),
        "unknown" => ("The platform refused to deliver to them without saying why.", MessageToReconnect),
        _ => ($"The platform answered \"{reason}\".", MessageToReconnect),
    };

    /// <summary>One line for every platform someone is lost on: the reason alone for one, "On Teams: … On Slack: …" for several.</summary>
    public static string Describe(IReadOnlyList<ReachLoss> losses) => losses.Count == 1
        ? Sentence(losses[0].Reason)
        : string.Join(" ", losses.Select(l => $"On {l.PlatformName}: {Sentence(l.Reason)}"));

    private static string Sentence(string? reason) => For(reason) is var (why, fix) ? $"{why} {fix}" : "";

    // Connector reasons are stored as "403 BotNotInConversationRoster": the code is the last word.
    private static string Code(string? reason) => string.IsNullOrWhiteSpace(reason) ? "unknown"
        : reason.StartsWith("graph:", StringComparison.Ordinal) || reason.StartsWith("roster:", StringComparison.Ordinal) ? reason
        : reason.Split(' ')[^1];
}
