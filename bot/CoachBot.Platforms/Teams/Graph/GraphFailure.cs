namespace CoachBot.Platforms.Teams.Graph;

public enum GraphFailure
{
    /// <summary>No such user in the directory (404).</summary>
    UserNotFound,

    /// <summary>The app registration lacks the Graph application permission or its admin consent (403).</summary>
    PermissionMissing,

    /// <summary>Teams policy stops the install: the app is blocked, or an app permission / setup policy excludes the user (403).</summary>
    BlockedByPolicy,

    /// <summary>Still throttled or unavailable after the allowed attempts (429, 503).</summary>
    Throttled,

    /// <summary>No token (wrong secret, tenant) or a token Graph keeps rejecting.</summary>
    Token,

    /// <summary>Anything else, e.g. the app id not in the org catalog.</summary>
    Other,
}
