using System.Security.Cryptography;
using System.Text;
using CoachBot.Platforms.Slack;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.Extensions.Options;

namespace CoachBot.Bot.Slack;

/// <summary>
/// Multi-workspace install (OAuth v2): GET /slack/install sends the browser to Slack with a fresh state, and
/// GET /slack/oauth_redirect checks it, trades the code for the team's bot token and stores it sealed.
/// Anything wrong on the way back is a 400 page that says what to do, never a 500.
/// </summary>
internal static partial class SlackInstallEndpoints
{
    // Binds the state to the browser that started the install, so a stolen redirect link cannot install into someone else's session.
    private const string StateCookie = "coachbot_slack_state";

    public static IEndpointRouteBuilder MapSlackInstall(this IEndpointRouteBuilder app)
    {
        var install = app.MapGroup("/slack").DisableAntiforgery();
        install.MapGet("/install", InstallAsync).RequireRateLimiting(SlackInstallRateLimit.Policy);
        install.MapGet("/oauth_redirect", RedirectAsync);
        return app;
    }

    private static async Task<IResult> InstallAsync(HttpContext http, SlackInstallStates states, IOptions<SlackOptions> options, CancellationToken cancellationToken)
    {
        var settings = options.Value;
        var state = await states.CreateAsync(cancellationToken);
        http.Response.Cookies.Append(StateCookie, state, new CookieOptions
        {
            HttpOnly = true, Secure = http.Request.IsHttps, SameSite = SameSiteMode.Lax, Path = "/slack", MaxAge = settings.OAuthStateLifetime,
        });
        http.Response.Headers.CacheControl = "no-store";
        var url = QueryHelpers.AddQueryString(settings.OAuthAuthorizeUrl.ToString(), new Dictionary<string, string?>
        {
            ["client_id"] = settings.ClientId,
            ["scope"] = settings.OAuthScopes,
            ["redirect_uri"] = settings.OAuthRedirectUrl!.ToString(),
            ["state"] = state,
        });
        return TypedResults.Redirect(url);
    }

    private static async Task<IResult> RedirectAsync(
        HttpContext http, SlackInstallStates states, SlackWebClient slack, SlackInstallations installations, SlackBotIdentity identity,
        IOptions<SlackOptions> options, ILogger<SlackInstallStates> logger, CancellationToken cancellationToken)
    {
        var query = http.Request.Query;
        string? state = query["state"], code = query["code"], error = query["error"];
        var cookie = http.Request.Cookies[StateCookie];
        http.Response.Cookies.Delete(StateCookie, new CookieOptions { Path = "/slack" });
        var stateOk = SameState(cookie, state) && await states.ConsumeAsync(state, cancellationToken);

        if (!string.IsNullOrEmpty(error))
        {
            SlackEndpointLog.InstallRefused(logger, "denied", ErrorCode().IsMatch(error) ? error : "unrecognised error");
            return SlackInstallPage.Render(http, 400, "CoachBot was not installed",
                $"Slack reported \"{error}\" (for example, the install was cancelled). Nothing was changed; start again from /slack/install.");
        }

        if (!stateOk || string.IsNullOrEmpty(code))
        {
            SlackEndpointLog.InstallRefused(logger, "state", stateOk ? "missing code" : "invalid, expired or replayed state");
            return SlackInstallPage.Render(http, 400, "This install link cannot be used",
                "It is invalid, expired, already used, or was opened in another browser. Start again from /slack/install in this browser.");
        }

        SlackInstall install;
        try
        {
            install = await slack.ExchangeCodeAsync(code, options.Value.OAuthRedirectUrl!, cancellationToken);
        }
        catch (SlackApiException ex)
        {
            SlackEndpointLog.InstallRefused(logger, "exchange", ex.Error);
            return SlackInstallPage.Render(http, 400, "Slack did not complete the install",
                $"Slack answered \"{ex.Error}\". Start again from /slack/install; if it keeps failing, check Slack:ClientId, Slack:ClientSecret and Slack:OAuthRedirectUrl.");
        }

        await installations.SaveAsync(install, cancellationToken);
        identity.Remember(new SlackIdentity(install.TeamId, install.BotUserId, install.BotId ?? ""));
        SlackEndpointLog.Installed(logger, install.TeamId, install.BotUserId, install.Scopes);
        var where = install.TeamName.Length > 0 ? install.TeamName : install.TeamId;
        return SlackInstallPage.Render(http, 200, "CoachBot is installed",
            $"CoachBot now works in {where}. Open Slack and send CoachBot a direct message, or type /coach help.");
    }

    // Slack's error codes are short snake_case words; anything else in the query is not worth a log line.
    [System.Text.RegularExpressions.GeneratedRegex("^[a-z_]{1,64}$")]
    private static partial System.Text.RegularExpressions.Regex ErrorCode();

    private static bool SameState(string? cookie, string? state) =>
        cookie is not null && state is not null
        && CryptographicOperations.FixedTimeEquals(Encoding.UTF8.GetBytes(cookie), Encoding.UTF8.GetBytes(state));
}
