using Microsoft.Extensions.Options;

namespace CoachBot.Platforms.Slack;

/// <summary>
/// Slack with no credentials is off; half the credentials, or bad limits, stop the host with the key's name. It is on with the
/// signing secret plus a single-workspace bot token, the complete OAuth install settings, or both.
/// </summary>
public sealed class SlackOptionsValidator : IValidateOptions<SlackOptions>
{
    public ValidateOptionsResult Validate(string? name, SlackOptions options)
    {
        var hasToken = !string.IsNullOrWhiteSpace(options.BotToken);
        var hasSecret = !string.IsNullOrWhiteSpace(options.SigningSecret);
        var hasAppToken = !string.IsNullOrWhiteSpace(options.AppToken);
        var oauthKeys = OAuthKeysSet(options);
        if (!hasToken && !hasSecret && !hasAppToken && oauthKeys.Count == 0)
        {
            return ValidateOptionsResult.Success;
        }

        var failures = new List<string>();
        if (!hasSecret)
        {
            var setKey = hasToken ? "Slack:BotToken" : oauthKeys.Count > 0 ? oauthKeys[0] : "Slack:AppToken";
            failures.Add($"Slack:SigningSecret is missing while {setKey} is set: copy it from the app's Basic Information page, or unset all Slack credentials to turn Slack off.");
        }

        if (hasAppToken)
        {
            failures.AddRange(SocketModeFailures(options));
        }

        if (!hasToken && oauthKeys.Count == 0)
        {
            failures.Add($"Slack:BotToken is missing while {(hasSecret ? "Slack:SigningSecret" : "Slack:AppToken")} is set: install the app and copy its xoxb- token (or configure the OAuth install: Slack:ClientId, Slack:ClientSecret, Slack:OAuthRedirectUrl, Slack:TokenEncryptionKey), or unset both to turn Slack off.");
        }
        else if (hasToken && !options.BotToken.StartsWith("xoxb-", StringComparison.Ordinal))
        {
            failures.Add("Slack:BotToken must be a bot token starting with xoxb-.");
        }

        if (oauthKeys.Count > 0)
        {
            failures.AddRange(SlackOAuthSettings.Check(options));
        }

        if (!options.ApiBaseUrl.IsAbsoluteUri || !options.ApiBaseUrl.AbsolutePath.EndsWith('/'))
        {
            failures.Add("Slack:ApiBaseUrl must be an absolute URL ending with '/', e.g. https://slack.com/api/.");
        }

        if (options.PostPerChannelPerSecond is <= 0 or > 100)
        {
            failures.Add("Slack:PostPerChannelPerSecond must be between 0 and 100.");
        }

        if (options.PostPerWorkspacePerMinute is < 1 or > 1_000_000)
        {
            failures.Add("Slack:PostPerWorkspacePerMinute must be between 1 and 1000000.");
        }

        if (options.MaxAttempts is < 1 or > 10)
        {
            failures.Add("Slack:MaxAttempts must be between 1 and 10.");
        }

        if (options.OverallDeadline < TimeSpan.FromSeconds(1) || options.OverallDeadline > TimeSpan.FromMinutes(10))
        {
            failures.Add("Slack:OverallDeadline must be between 00:00:01 and 00:10:00.");
        }

        if (options.MaxRequestBytes is < 1024 or > 16 * 1024 * 1024)
        {
            failures.Add("Slack:MaxRequestBytes must be between 1024 and 16777216.");
        }

        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }

    private static IEnumerable<string> SocketModeFailures(SlackOptions options)
    {
        if (!options.AppToken.StartsWith("xapp-", StringComparison.Ordinal))
        {
            yield return "Slack:AppToken must be an app-level token starting with xapp- (Basic Information → App-Level Tokens, scope connections:write).";
        }

        if (options.SocketDeadAfter < TimeSpan.FromMilliseconds(200) || options.SocketDeadAfter > TimeSpan.FromMinutes(5))
        {
            yield return "Slack:SocketDeadAfter must be between 00:00:00.2 and 00:05:00.";
        }

        if (options.SocketReconnectDelay < TimeSpan.FromMilliseconds(10) || options.SocketReconnectDelay > options.SocketMaxReconnectDelay
            || options.SocketMaxReconnectDelay > TimeSpan.FromMinutes(10))
        {
            yield return "Slack:SocketReconnectDelay must be at least 00:00:00.01 and at most Slack:SocketMaxReconnectDelay, itself at most 00:10:00.";
        }
    }

    private static List<string> OAuthKeysSet(SlackOptions options) =>
    [
        .. new (string Key, bool Set)[]
        {
            ("Slack:ClientId", !string.IsNullOrWhiteSpace(options.ClientId)),
            ("Slack:ClientSecret", !string.IsNullOrWhiteSpace(options.ClientSecret)),
            ("Slack:OAuthRedirectUrl", options.OAuthRedirectUrl is not null),
            ("Slack:TokenEncryptionKey", !string.IsNullOrWhiteSpace(options.TokenEncryptionKey)),
        }.Where(k => k.Set).Select(k => k.Key),
    ];
}
