using Microsoft.Extensions.Options;

namespace CoachBot.Platforms.Teams;

/// <summary>
/// The <c>Teams</c> section. With an AppId every activity needs a Bot Framework token; without one Teams is off, unless
/// <see cref="LocalNoAuth"/> opts in to the loopback no-auth mode for local trials (Agents Playground).
/// </summary>
public sealed class TeamsOptions
{
    public const string Section = "Teams";
    public const string BotFrameworkIssuer = "https://api.botframework.com";
    public const string ConnectorScope = "https://api.botframework.com/.default";

    public string AppId { get; set; } = "";

    /// <summary>Secret: from an environment variable (Teams__AppPassword) or user-secrets, never appsettings.json.</summary>
    public string AppPassword { get; set; } = "";

    /// <summary>The bot's Entra tenant (single-tenant). Empty = the legacy multi-tenant authority "botframework.com".</summary>
    public string TenantId { get; set; } = "";

    public string OpenIdMetadataUrl { get; set; } = "https://login.botframework.com/v1/.well-known/openidconfiguration";

    /// <summary>Base of the token endpoint; "{TokenEndpoint}/{tenant}/oauth2/v2.0/token". Configurable so tests use a fake.</summary>
    public string TokenEndpoint { get; set; } = "https://login.microsoftonline.com";

    /// <summary>Tenants allowed to talk to CoachBot; empty = any tenant.</summary>
    public List<string> AllowedTenants { get; set; } = [];

    public string ManagerChannelId { get; set; } = "";

    /// <summary>Service URLs trusted before any activity arrived (e.g. https://smba.trafficmanager.net/teams/).</summary>
    public List<string> AllowedServiceUrls { get; set; } = [];

    /// <summary>
    /// Connector calls per tenant, shared by every instance and every sender (nudges, replies, notices): the one setting
    /// for this limit. Teams allows 50; 40 leaves room for the host's jitter, which alone draws 429s near the cap.
    /// </summary>
    public double RequestsPerSecondPerTenant { get; set; } = 40;

    public double MessagesPerSecondPerConversation { get; set; } = 1;

    public int MaxAttempts { get; set; } = 4;

    public TimeSpan RetryBaseDelay { get; set; } = TimeSpan.FromSeconds(2);

    public TimeSpan RetryMaxDelay { get; set; } = TimeSpan.FromSeconds(20);

    /// <summary>Largest inbound activity accepted; Teams activities are well under this.</summary>
    public long MaxActivityBytes { get; set; } = 256 * 1024;

    /// <summary>
    /// Accept unauthenticated activities from loopback (the Agents Playground). Explicit, and refused outside Development
    /// and Demo, because behind a reverse proxy on the same host every caller looks like loopback.
    /// </summary>
    public bool LocalNoAuth { get; set; }

    public bool HasCredentials => !string.IsNullOrWhiteSpace(AppId);

    public bool IsLocalMode => LocalNoAuth && !HasCredentials;

    public string TokenTenant => string.IsNullOrWhiteSpace(TenantId) ? "botframework.com" : TenantId;
}

public sealed class TeamsOptionsValidator : IValidateOptions<TeamsOptions>
{
    public ValidateOptionsResult Validate(string? name, TeamsOptions options)
    {
        var failures = new List<string>();
        if (options.HasCredentials && string.IsNullOrWhiteSpace(options.AppPassword))
        {
            failures.Add("Teams:AppPassword is missing: Teams:AppId is set, so set the client secret too (environment variable Teams__AppPassword), or clear Teams:AppId.");
        }

        if (!Uri.TryCreate(options.OpenIdMetadataUrl, UriKind.Absolute, out _))
        {
            failures.Add("Teams:OpenIdMetadataUrl must be an absolute URL.");
        }

        if (!Uri.TryCreate(options.TokenEndpoint, UriKind.Absolute, out _))
        {
            failures.Add("Teams:TokenEndpoint must be an absolute URL.");
        }

        failures.AddRange(options.AllowedServiceUrls
            .Where(u => !Uri.TryCreate(u, UriKind.Absolute, out var uri) || uri.Scheme != Uri.UriSchemeHttps)
            .Select(u => $"Teams:AllowedServiceUrls: '{u}' is not an https URL."));

        if (options.RequestsPerSecondPerTenant <= 0 || options.MessagesPerSecondPerConversation <= 0)
        {
            failures.Add("Teams:RequestsPerSecondPerTenant and Teams:MessagesPerSecondPerConversation must be positive.");
        }

        if (options.MaxAttempts is < 1 or > 10)
        {
            failures.Add("Teams:MaxAttempts must be between 1 and 10.");
        }

        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }
}
