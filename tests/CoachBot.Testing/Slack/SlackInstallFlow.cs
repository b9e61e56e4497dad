using System.Net;
using Microsoft.AspNetCore.Mvc.Testing;

namespace CoachBot.Testing.Slack;

/// <summary>
/// Drives a multi-workspace install the way a browser does: CoachBot's /slack/install, the fake's authorize page
/// (over real HTTP), then back to /slack/oauth_redirect with the cookie CoachBot set.
/// </summary>
public static class SlackInstallFlow
{
    public const string RedirectUrl = "http://localhost/slack/oauth_redirect";

    public static readonly string EncryptionKey = Convert.ToBase64String(Enumerable.Range(1, 32).Select(i => (byte)(i * 7)).ToArray());

    /// <summary>OAuth install settings pointing at the fake; the single-workspace token stays only when asked for.</summary>
    public static CoachBotApplication WithSlackInstall(this CoachBotApplication app, FakeSlackServer slack, RecordingInbox inbox, bool keepBotToken = false) =>
        app.WithSlack(slack, inbox)
            .WithSetting("Slack:BotToken", keepBotToken ? slack.Token : "")
            .WithSetting("Slack:ClientId", slack.ClientId)
            .WithSetting("Slack:ClientSecret", slack.ClientSecret)
            .WithSetting("Slack:OAuthRedirectUrl", RedirectUrl)
            .WithSetting("Slack:OAuthAuthorizeUrl", slack.AuthorizeUrl.ToString())
            .WithSetting("Slack:TokenEncryptionKey", EncryptionKey);

    /// <summary>A cookie-keeping client that shows redirects instead of following them.</summary>
    public static HttpClient CreateBrowser(this CoachBotApplication app) => app.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });

    public static async Task<Uri> StartInstallAsync(this HttpClient browser)
    {
        using var response = await browser.GetAsync("/slack/install");
        return response.StatusCode == HttpStatusCode.Redirect ? response.Headers.Location! : throw new InvalidOperationException($"/slack/install answered {response.StatusCode}");
    }

    /// <summary>What Slack's authorize page sends the browser back to (code and state, or error).</summary>
    public static async Task<Uri> AuthorizeAsync(Uri authorizeUrl)
    {
        using var http = new HttpClient(new HttpClientHandler { AllowAutoRedirect = false });
        using var response = await http.GetAsync(authorizeUrl);
        return response.StatusCode == HttpStatusCode.Redirect ? response.Headers.Location! : throw new InvalidOperationException($"authorize answered {response.StatusCode}");
    }

    /// <summary>The whole install into one team; returns CoachBot's final page response.</summary>
    public static async Task<HttpResponseMessage> InstallAsync(this HttpClient browser, FakeSlackServer slack, string teamId, string teamName, string botUserId)
    {
        slack.ApproveNextInstall(teamId, teamName, botUserId);
        var back = await AuthorizeAsync(await browser.StartInstallAsync());
        return await browser.GetAsync(back);
    }
}
