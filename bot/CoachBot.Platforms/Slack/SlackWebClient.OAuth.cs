using System.Net.Http.Headers;
using System.Text;

namespace CoachBot.Platforms.Slack;

// The install half of the client: trading Slack's one-time code for a workspace's bot token.
public sealed partial class SlackWebClient
{
    /// <summary>
    /// oauth.v2.access with the app's id and secret as HTTP Basic (Slack's preferred form). The code is single-use, so the
    /// call is only resent when it provably never reached Slack.
    /// </summary>
    public async Task<SlackInstall> ExchangeCodeAsync(string code, Uri redirectUri, CancellationToken cancellationToken)
    {
        const string Method = "oauth.v2.access";
        var settings = options.Value;
        var basic = Convert.ToBase64String(Encoding.UTF8.GetBytes($"{settings.ClientId}:{settings.ClientSecret}"));
        var policy = new CallPolicy(TeamId: null, ResendIsSafe: false) { Authorization = new AuthenticationHeaderValue("Basic", basic) };
        var body = await CallFormAsync(Method, [new("code", code), new("redirect_uri", redirectUri.ToString())], policy, cancellationToken);

        if (body.Bool("is_enterprise_install") == true)
        {
            throw new SlackApiException(Method, "enterprise_install_not_supported", SlackErrorClass.Permanent);
        }

        if (body["expires_in"] is not null)
        {
            // A rotating token dies after 12 hours and CoachBot does not refresh tokens (the manifest turns rotation off).
            throw new SlackApiException(Method, "token_rotation_not_supported", SlackErrorClass.Permanent);
        }

        var token = body.Str("access_token");
        var teamId = body.Obj("team")?.Str("id");
        var botUserId = body.Str("bot_user_id");
        if (body.Str("token_type") != "bot" || token is null || !token.StartsWith("xoxb-", StringComparison.Ordinal)
            || string.IsNullOrEmpty(teamId) || string.IsNullOrEmpty(botUserId))
        {
            throw new SlackApiException(Method, "no_bot_token_granted", SlackErrorClass.Permanent);
        }

        return new SlackInstall(
            teamId, body.Obj("team")?.Str("name") ?? "", body.Obj("enterprise")?.Str("id"), botUserId, body.Str("bot_id"), body.Str("app_id"),
            body.Str("scope") ?? "", token, body.Obj("authed_user")?.Str("id"));
    }
}
