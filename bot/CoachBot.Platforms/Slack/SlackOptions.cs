namespace CoachBot.Platforms.Slack;

/// <summary>Bound from the <c>Slack</c> section. Secrets come from the environment (<c>Slack__BotToken</c>, <c>Slack__SigningSecret</c>, <c>Slack__ClientSecret</c>, <c>Slack__TokenEncryptionKey</c>, <c>Slack__AppToken</c>).</summary>
public sealed class SlackOptions
{
    public const string Section = "Slack";

    public string SigningSecret { get; set; } = "";

    /// <summary>The <c>xoxb-</c> token of the single workspace this instance serves.</summary>
    public string BotToken { get; set; } = "";

    public Uri ApiBaseUrl { get; set; } = new("https://slack.com/api/");

    /// <summary>The one channel escalations may go to; @-mentions there are manager commands.</summary>
    public string? ManagerChannelId { get; set; }

    /// <summary>Optional: the workspace id, when known before <c>auth.test</c> answers.</summary>
    public string? TeamId { get; set; }

    /// <summary><c>chat.postMessage</c> per channel (each DM is one): Slack's "generally 1 per second".</summary>
    public double PostPerChannelPerSecond { get; set; } = 1;

    /// <summary>
    /// <c>chat.postMessage</c> per workspace, shared by every instance and every sender (nudges, notices, replies): the one
    /// setting for this limit. Slack's cap is "several hundred per minute"; 300 stays under it with room for bursts.
    /// </summary>
    public int PostPerWorkspacePerMinute { get; set; } = 300;

    public int MaxAttempts { get; set; } = 4;

    /// <summary>No Web API call, retries and Retry-After waits included, runs longer than this.</summary>
    public TimeSpan OverallDeadline { get; set; } = TimeSpan.FromSeconds(60);

    /// <summary>Largest inbound request body; Slack's payloads are tens of KB.</summary>
    public int MaxRequestBytes { get; set; } = 1024 * 1024;

    /// <summary>Multi-workspace install (OAuth v2): the app's client id; with the three settings below it turns on /slack/install.</summary>
    public string ClientId { get; set; } = "";

    public string ClientSecret { get; set; } = "";

    /// <summary>Where Slack sends the browser back: the public https://…/slack/oauth_redirect, listed in the manifest's redirect_urls.</summary>
    public Uri? OAuthRedirectUrl { get; set; }

    /// <summary>Base64 of 32 random bytes: encrypts installed bot tokens (AES-GCM) and signs the install state.</summary>
    public string TokenEncryptionKey { get; set; } = "";

    public Uri OAuthAuthorizeUrl { get; set; } = new("https://slack.com/oauth/v2/authorize");

    /// <summary>The bot scopes asked for at install; the default is the manifest's required list (add channels:manage,groups:write for the guard).</summary>
    public string OAuthScopes { get; set; } = DefaultScopes;

    /// <summary>How long an install link's state stays usable; Slack's code itself lives about 10 minutes.</summary>
    public TimeSpan OAuthStateLifetime { get; set; } = TimeSpan.FromMinutes(10);

    /// <summary>Install links one client address may start per minute (each stores a state row); more get 429.</summary>
    public int InstallStartsPerMinute { get; set; } = 10;

    public const string DefaultScopes = "app_mentions:read,channels:read,chat:write,commands,groups:read,im:history,im:write,users:read,users:read.email";

    /// <summary>
    /// Socket Mode: the app-level <c>xapp-</c> token (scope <c>connections:write</c>). Set, each instance opens its own
    /// websocket to Slack and receives events, commands and clicks through it, so no public Request URL is needed.
    /// </summary>
    public string AppToken { get; set; } = "";

    /// <summary>Socket Mode: a connection that answers no ping (and sends no hello) for this long is replaced.</summary>
    public TimeSpan SocketDeadAfter { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>Socket Mode: the first reconnect waits about this long; each failure in a row doubles it (with jitter) up to <see cref="SocketMaxReconnectDelay"/>.</summary>
    public TimeSpan SocketReconnectDelay { get; set; } = TimeSpan.FromSeconds(1);

    public TimeSpan SocketMaxReconnectDelay { get; set; } = TimeSpan.FromSeconds(60);

    public bool SocketModeEnabled => !string.IsNullOrWhiteSpace(AppToken);

    public bool OAuthEnabled =>
        !string.IsNullOrWhiteSpace(ClientId) && !string.IsNullOrWhiteSpace(ClientSecret) && OAuthRedirectUrl is not null
        && !string.IsNullOrWhiteSpace(TokenEncryptionKey);

    public bool Enabled => !string.IsNullOrWhiteSpace(SigningSecret) && (!string.IsNullOrWhiteSpace(BotToken) || OAuthEnabled);
}
