namespace CoachBot.Bot.WebConsole;

/// <summary>The signed-in web console at /console. Off unless enabled; each sign-in provider is on when its client id is set.</summary>
public sealed class ConsoleOptions
{
    public const string Section = "Console";

    public bool Enabled { get; set; }

    /// <summary>Only a local issuer over plain http may turn this off, and never in Production.</summary>
    public bool RequireHttpsMetadata { get; set; } = true;

    public SlackSignInOptions Slack { get; set; } = new();

    public EntraSignInOptions Entra { get; set; } = new();

    public sealed class SlackSignInOptions
    {
        public string Authority { get; set; } = "https://slack.com";
        public string? ClientId { get; set; }
        public string? ClientSecret { get; set; }

        public bool IsConfigured => !string.IsNullOrEmpty(ClientId) || !string.IsNullOrEmpty(ClientSecret);
    }

    public sealed class EntraSignInOptions
    {
        public string? TenantId { get; set; }

        /// <summary>Set for a local issuer; otherwise Entra's v2.0 authority for <see cref="TenantId"/>.</summary>
        public string? Authority { get; set; }

        public string? ClientId { get; set; }
        public string? ClientSecret { get; set; }

        public bool IsConfigured => !string.IsNullOrEmpty(ClientId) || !string.IsNullOrEmpty(ClientSecret);

        public string EffectiveAuthority => !string.IsNullOrEmpty(Authority) ? Authority : $"https://login.microsoftonline.com/{TenantId}/v2.0";
    }
}
