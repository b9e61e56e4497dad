using System.Net;
using CoachBot.Platforms.Slack;
using CoachBot.Testing;
using CoachBot.Testing.Slack;
using Microsoft.AspNetCore.WebUtilities;

namespace CoachBot.Bot.Tests.Slack;

// Multi-workspace install through the real pipeline: CoachBot, a real PostgreSQL and the fake's authorize page and oauth.v2.access.
public sealed class SlackInstallTests(PostgresDatabase database) : IClassFixture<PostgresDatabase>, IAsyncLifetime
{
    private FakeSlackServer _slack = null!;
    private CoachBotApplication _app = null!;
    private HttpClient _browser = null!;

    public async Task InitializeAsync()
    {
        await using (var reset = database.DataSource.CreateCommand(
            "truncate slack_inbound, slack_installation, slack_oauth_state; delete from workspace w where not exists (select 1 from person p where p.workspace_id = w.id)"))
        {
            await reset.ExecuteNonQueryAsync();
        }

        _slack = await FakeSlackServer.StartAsync();
        _slack.AddUser("U0ANA", "Ana Silva");
        _app = new CoachBotApplication(database).WithSlackInstall(_slack, new RecordingInbox()).WithFakeClock();
        _browser = _app.CreateBrowser();
    }

    public async Task DisposeAsync()
    {
        _browser.Dispose();
        await _app.DisposeAsync();
        await _slack.DisposeAsync();
    }

    [Fact]
    public async Task InstallSendsTheBrowserToSlackWithClientIdManifestScopesRedirectUriAndAStoredState()
    {
        var location = await _browser.StartInstallAsync();

        var query = QueryHelpers.ParseQuery(location.Query);
        Assert.Equal(_slack.AuthorizeUrl.GetLeftPart(UriPartial.Path), location.GetLeftPart(UriPartial.Path));
        Assert.Equal(_slack.ClientId, query["client_id"]);
        Assert.Equal(SlackOptions.DefaultScopes, query["scope"]);
        Assert.Equal(SlackInstallFlow.RedirectUrl, query["redirect_uri"]);
        Assert.Matches("^[A-Za-z0-9_-]{43}\\.[A-Za-z0-9_-]{43}$", query["state"].ToString());
        Assert.Equal(1, await CountAsync("select count(*) from slack_oauth_state"));
    }

    [Fact]
    public async Task ACompletedInstallStoresTheTokenSealedAndTheTeamsLaterCallsUseIt()
    {
        var page = await _browser.InstallAsync(_slack, "T0ACME", "Acme <Sales> & Co", "U0ACMEBOT");
        var token = _slack.InstalledToken("T0ACME")!;
        var sealedToken = await ScalarAsync<string>("select token_ciphertext from slack_installation where team_id = 'T0ACME'");
        await SendDirectMessageAsync("T0ACME");

        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
        var html = await page.Content.ReadAsStringAsync();
        Assert.Contains("Acme &lt;Sales&gt; &amp; Co", html);
        Assert.DoesNotContain(token, html);
        Assert.StartsWith("v1.", sealedToken);
        Assert.DoesNotContain(token, sealedToken);
        Assert.DoesNotContain(token["xoxb-".Length..], sealedToken);
        Assert.Equal(1, await CountAsync("select count(*) from workspace where external_id = 'T0ACME' and name = 'Acme <Sales> & Co' and bot_user_id = 'U0ACMEBOT' and disabled_at is null"));
        var reply = Assert.Single(_slack.CallsTo("chat.postMessage"));
        Assert.Equal($"Bearer {token}", reply.Authorization);
    }

    [Fact]
    public async Task TwoInstalledTeamsEachUseTheirOwnToken()
    {
        await _browser.InstallAsync(_slack, "T0ACME", "Acme", "U0ACMEBOT");
        await _browser.InstallAsync(_slack, "T0BETA", "Beta", "U0BETABOT");
        await SendDirectMessageAsync("T0ACME");
        await SendDirectMessageAsync("T0BETA");

        var authorizations = _slack.CallsTo("chat.postMessage").Select(c => c.Authorization).ToList();
        Assert.Equal([$"Bearer {_slack.InstalledToken("T0ACME")}", $"Bearer {_slack.InstalledToken("T0BETA")}"], authorizations);
        Assert.NotEqual(_slack.InstalledToken("T0ACME"), _slack.InstalledToken("T0BETA"));
    }

    [Fact]
    public async Task TeamsNotInstalledThroughOAuthKeepUsingTheSingleWorkspaceToken()
    {
        await using var app = new CoachBotApplication(database).WithSlackInstall(_slack, new RecordingInbox(), keepBotToken: true);
        using var browser = app.CreateBrowser();
        await browser.InstallAsync(_slack, "T0ACME", "Acme", "U0ACMEBOT");
        using var events = app.CreateSignedSlackClient();
        foreach (var team in new[] { FakeSlackServer.TeamId, "T0ACME" })
        {
            var envelope = SlackPayloads.EventCallback(SlackPayloads.DirectMessage("U0ANA", "hello"));
            envelope["team_id"] = team;
            Assert.Equal(HttpStatusCode.OK, (await events.PostEventAsync(envelope)).StatusCode);
            await app.RunPendingSlackJobsAsync();
        }

        var authorizations = _slack.CallsTo("chat.postMessage").Select(c => c.Authorization).ToList();
        Assert.Equal([$"Bearer {_slack.Token}", $"Bearer {_slack.InstalledToken("T0ACME")}"], authorizations);
    }

    [Fact]
    public async Task AReplayedStateIsRefusedWithoutAskingSlackAgain()
    {
        _slack.ApproveNextInstall("T0ACME", "Acme", "U0ACMEBOT");
        var back = await SlackInstallFlow.AuthorizeAsync(await _browser.StartInstallAsync());
        var first = await _browser.GetAsync(back);
        var replay = await _browser.GetAsync(back);

        Assert.Equal(HttpStatusCode.OK, first.StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, replay.StatusCode);
        Assert.Contains("cannot be used", await replay.Content.ReadAsStringAsync());
        Assert.Single(_slack.CallsTo("oauth.v2.access"));
    }

    [Theory]
    [InlineData("missing")]
    [InlineData("altered")]
    [InlineData("forged")]
    [InlineData("garbage")]
    public async Task AMissingAlteredOrForgedStateIsRefused(string flaw)
    {
        _slack.ApproveNextInstall("T0ACME", "Acme", "U0ACMEBOT");
        var back = await SlackInstallFlow.AuthorizeAsync(await _browser.StartInstallAsync());
        var query = QueryHelpers.ParseQuery(back.Query);
        var state = query["state"].ToString();
        var badState = flaw switch
        {
            "missing" => null,
            "altered" => state[..10] + (state[10] == 'A' ? 'B' : 'A') + state[11..],
            "forged" => $"{state.Split('.')[0]}.{new string('A', 43)}",
            _ => "not-a-state",
        };
        var url = QueryHelpers.AddQueryString("/slack/oauth_redirect", new Dictionary<string, string?> { ["code"] = query["code"], ["state"] = badState });

        var response = await _browser.GetAsync(url);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Empty(_slack.CallsTo("oauth.v2.access"));
        Assert.Equal(0, await CountAsync("select count(*) from slack_installation"));
    }

    [Fact]
    public async Task AnExpiredStateIsRefused()
    {
        _slack.ApproveNextInstall("T0ACME", "Acme", "U0ACMEBOT");
        var back = await SlackInstallFlow.AuthorizeAsync(await _browser.StartInstallAsync());
        _app.Clock.Advance(TimeSpan.FromMinutes(10) + TimeSpan.FromSeconds(1));

        var response = await _browser.GetAsync(back);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Empty(_slack.CallsTo("oauth.v2.access"));
    }

    [Fact]
    public async Task AStateFromAnotherBrowserIsRefused()
    {
        _slack.ApproveNextInstall("T0ACME", "Acme", "U0ACMEBOT");
        var back = await SlackInstallFlow.AuthorizeAsync(await _browser.StartInstallAsync());
        using var otherBrowser = _app.CreateBrowser();

        var response = await otherBrowser.GetAsync(back);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Empty(_slack.CallsTo("oauth.v2.access"));
    }

    [Fact]
    public async Task ADeniedInstallShowsA400PageAndStoresNothing()
    {
        _slack.DenyNextInstall();
        var back = await SlackInstallFlow.AuthorizeAsync(await _browser.StartInstallAsync());

        var response = await _browser.GetAsync(back);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("access_denied", await response.Content.ReadAsStringAsync());
        Assert.Equal(0, await CountAsync("select count(*) from slack_installation"));
        Assert.Equal(0, await CountAsync("select count(*) from slack_oauth_state"));
    }

    [Fact]
    public async Task AFailedCodeExchangeShowsA400Page()
    {
        _slack.FailNext("oauth.v2.access", "invalid_code");

        var response = await _browser.InstallAsync(_slack, "T0ACME", "Acme", "U0ACMEBOT");

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("invalid_code", await response.Content.ReadAsStringAsync());
        Assert.Equal(0, await CountAsync("select count(*) from slack_installation"));
    }

    [Fact]
    public async Task UninstallForgetsTheTokenAndAReinstallEnablesTheWorkspaceAgain()
    {
        await _browser.InstallAsync(_slack, "T0ACME", "Acme", "U0ACMEBOT");
        var uninstall = SlackPayloads.EventCallback(new() { ["type"] = "app_uninstalled" });
        uninstall["team_id"] = "T0ACME";

        var response = await PostEventAsync(uninstall);
        var installedAfterUninstall = await CountAsync("select count(*) from slack_installation where team_id = 'T0ACME'");
        var disabledAfterUninstall = await CountAsync("select count(*) from workspace where external_id = 'T0ACME' and disabled_at is not null");
        await _browser.InstallAsync(_slack, "T0ACME", "Acme", "U0ACMEBOT");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal((0, 1), (installedAfterUninstall, disabledAfterUninstall));
        Assert.Equal(1, await CountAsync("select count(*) from slack_installation where team_id = 'T0ACME'"));
        Assert.Equal(1, await CountAsync("select count(*) from workspace where external_id = 'T0ACME' and disabled_at is null"));
    }

    private async Task SendDirectMessageAsync(string teamId)
    {
        var envelope = SlackPayloads.EventCallback(SlackPayloads.DirectMessage("U0ANA", "hello"));
        envelope["team_id"] = teamId;
        var response = await PostEventAsync(envelope);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        await _app.RunPendingSlackJobsAsync();
    }

    // Signed in CoachBot's (fake) time, which the signature window is checked against.
    private async Task<HttpResponseMessage> PostEventAsync(System.Text.Json.Nodes.JsonObject envelope)
    {
        using var events = _app.CreateSignedSlackClient();
        return await events.SendAsync("/slack/events", System.Text.Encoding.UTF8.GetBytes(envelope.ToJsonString()), SlackTestClient.Json, _app.Clock.GetUtcNow());
    }

    private async Task<long> CountAsync(string sql) => await ScalarAsync<long>(sql);

    private async Task<T> ScalarAsync<T>(string sql)
    {
        await using var command = database.DataSource.CreateCommand(sql);
        return (T)(await command.ExecuteScalarAsync())!;
    }
}
