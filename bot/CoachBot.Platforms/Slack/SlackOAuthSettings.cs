namespace CoachBot.Platforms.Slack;

/// <summary>The OAuth install settings are all-or-nothing; this names each missing or malformed one.</summary>
internal static class SlackOAuthSettings
{
    public static IEnumerable<string> Check(SlackOptions options)
    {
        const string AllFour = "the OAuth install needs all of Slack:ClientId, Slack:ClientSecret, Slack:OAuthRedirectUrl and Slack:TokenEncryptionKey";
        if (string.IsNullOrWhiteSpace(options.ClientId))
        {
            yield return $"Slack:ClientId is missing: {AllFour} (Basic Information page), or none of them.";
        }

        if (string.IsNullOrWhiteSpace(options.ClientSecret))
        {
            yield return $"Slack:ClientSecret is missing: {AllFour} (Basic Information page), or none of them.";
        }

        if (options.OAuthRedirectUrl is not { } redirect)
        {
            yield return $"Slack:OAuthRedirectUrl is missing: {AllFour}; set it to https://<your host>/slack/oauth_redirect.";
        }
        else if (!redirect.IsAbsoluteUri || !redirect.AbsolutePath.EndsWith("/slack/oauth_redirect", StringComparison.Ordinal))
        {
            yield return "Slack:OAuthRedirectUrl must be an absolute URL ending with /slack/oauth_redirect.";
        }

        if (string.IsNullOrWhiteSpace(options.TokenEncryptionKey))
        {
            yield return $"Slack:TokenEncryptionKey is missing: {AllFour}; generate one with `openssl rand -base64 32`.";
        }
        else if (!SlackTokenCipher.IsValidKey(options.TokenEncryptionKey))
        {
            yield return "Slack:TokenEncryptionKey must be base64 of exactly 32 bytes (`openssl rand -base64 32`).";
        }

        if (!options.OAuthAuthorizeUrl.IsAbsoluteUri)
        {
            yield return "Slack:OAuthAuthorizeUrl must be an absolute URL, e.g. https://slack.com/oauth/v2/authorize.";
        }

        if (string.IsNullOrWhiteSpace(options.OAuthScopes) || options.OAuthScopes.Contains(' ', StringComparison.Ordinal))
        {
            yield return "Slack:OAuthScopes must be a comma-separated list of bot scopes without spaces, e.g. chat:write,im:write.";
        }

        if (options.OAuthStateLifetime < TimeSpan.FromMinutes(1) || options.OAuthStateLifetime > TimeSpan.FromHours(1))
        {
            yield return "Slack:OAuthStateLifetime must be between 00:01:00 and 01:00:00.";
        }

        if (options.InstallStartsPerMinute is < 1 or > 10_000)
        {
            yield return "Slack:InstallStartsPerMinute must be between 1 and 10000.";
        }
    }
}
