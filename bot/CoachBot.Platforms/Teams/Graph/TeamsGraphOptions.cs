namespace CoachBot.Platforms.Teams.Graph;

/// <summary>
/// The <c>Teams:Graph</c> section: installing the Teams app for reps through Microsoft Graph, so the bot can message
/// people who never opened it. Same app registration and secret as <see cref="TeamsOptions"/>; off unless Enabled.
/// </summary>
public sealed class TeamsGraphOptions
{
    public const string Section = "Teams:Graph";
    public const string Scope = "https://graph.microsoft.com/.default";
    public const string ReadWriteSelfPermission = "TeamsAppInstallation.ReadWriteSelfForUser.All";
    public const string ReadWritePermission = "TeamsAppInstallation.ReadWriteForUser.All";

    public bool Enabled { get; set; }

    /// <summary>The app's id in the org catalog (appCatalogs/teamsApps/{id}), not the manifest id.</summary>
    public string TeamsAppId { get; set; } = "";

    public string GraphBaseUrl { get; set; } = "https://graph.microsoft.com/v1.0/";

    /// <summary>Entra instance; the tenant is Teams:TenantId. MSAL requires https.</summary>
    public string Authority { get; set; } = "https://login.microsoftonline.com";

    /// <summary>Where proactive messages go when no activity from the tenant brought a serviceUrl yet.</summary>
    public string DefaultServiceUrl { get; set; } = "https://smba.trafficmanager.net/teams/";

    public int BatchSize { get; set; } = 20;

    public int MaxConcurrency { get; set; } = 4;

    public int MaxAttempts { get; set; } = 4;

    /// <summary>Longest Retry-After honoured in place; a longer one fails the rep's install for the next run.</summary>
    public TimeSpan MaxRetryAfter { get; set; } = TimeSpan.FromMinutes(2);

    public TimeSpan RetryBaseDelay { get; set; } = TimeSpan.FromSeconds(2);
}
