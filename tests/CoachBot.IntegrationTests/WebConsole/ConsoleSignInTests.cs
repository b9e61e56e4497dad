using System.Net;
using CoachBot.Testing;
using CoachBot.Testing.WebConsole;
using CoachBot.LocalWorkspace.SignIn;

namespace CoachBot.IntegrationTests.WebConsole;

// The whole authorization-code flow over real loopback HTTP: console → issuer → console, then what the person sees.
public sealed class ConsoleSignInTests(PostgresDatabase database) : IClassFixture<PostgresDatabase>
{
    [Fact]
    public async Task AnUnauthenticatedVisitIsSentToTheSignInPageWithBothProviders()
    {
        await using var site = await ConsoleSite.StartAsync(database);
        using var visitor = site.Visitor();

        using var response = await visitor.GetAsync("/console/people");
        var signIn = ConsoleHttpVisitor.Location(response);
        var (page, html, _) = await visitor.OpenAsync(signIn.PathAndQuery);

        Assert.Equal(HttpStatusCode.Found, response.StatusCode);
        Assert.Equal("/console/signin", signIn.AbsolutePath);
        Assert.Contains("ReturnUrl=%2Fconsole%2Fpeople", signIn.Query);
        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
        Assert.Contains(">Sign in with Slack</a>", html);
        Assert.Contains(">Sign in with Microsoft</a>", html);
        Assert.Contains("default-src 'self'; img-src 'self' data:; style-src 'self'; frame-ancestors 'none'", page.Headers.GetValues("Content-Security-Policy").Single());
    }

    [Fact]
    public async Task AManagerSignedInWithSlackSeesTheirChainAndNotTheAdminsPage()
    {
        await using var site = await ConsoleSite.StartAsync(database);
        using var visitor = site.Visitor();

        var trail = await visitor.SignInAsync("slack", ConsoleRoster.Maya.Id);
        var (response, html, url) = await visitor.OpenAsync("/console");
        var (settings, settingsHtml, _) = await visitor.OpenAsync("/console/settings");

        Assert.StartsWith(site.Slack.BaseUrl + "openid/connect/authorize?", trail.Authorize.ToString());
        Assert.Contains("code_challenge_method=S256", trail.Authorize.Query);
        // Query is the code flow's default mode, so the handler sends none; form_post would be named.
        Assert.DoesNotContain("response_mode", trail.Authorize.Query);
        Assert.Contains("Maya Okafor", trail.PickerHtml);
        Assert.Equal("/console/signin-slack", trail.Callback!.AbsolutePath);
        Assert.Equal("/console", trail.Landing!.AbsolutePath);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("/console/people", url.AbsolutePath);
        Assert.Contains("data-testid=\"viewer-name\">Maya Okafor<", html);
        Assert.Contains("data-testid=\"viewer-role\">Manager<", html);
        Assert.Contains("<ul class=\"people\"><li>Ava Martinez</li><li>Ben Carter</li><li>Maya Okafor</li></ul>", html);
        Assert.DoesNotContain("Chlo", html);
        Assert.DoesNotContain("href=\"/console/settings\"", html);
        Assert.Equal(HttpStatusCode.Forbidden, settings.StatusCode);
        Assert.Contains("Your role does not include the Settings page.", settingsHtml);
        Assert.DoesNotContain("Workspace settings (admins only)", settingsHtml);
    }

    [Fact]
    public async Task AnAdminSeesEveryoneEscapedAndTheAdminsPage()
    {
        await using var site = await ConsoleSite.StartAsync(database);
        using var visitor = site.Visitor();

        await visitor.SignInAsync("slack", ConsoleRoster.Admin.Id);
        var (_, html, _) = await visitor.OpenAsync("/console/people");
        var (settings, settingsHtml, _) = await visitor.OpenAsync("/console/settings");

        Assert.Contains("data-testid=\"viewer-role\">Admin<", html);
        Assert.Contains("<li>Chlo&#233; &lt;Dubois&gt; &amp; Co</li>", html);
        Assert.Contains("<li>Lars Eriksen</li>", html);
        Assert.DoesNotContain("Tara Teams", html);
        Assert.Contains("href=\"/console/settings\"", html);
        Assert.Equal(HttpStatusCode.OK, settings.StatusCode);
        Assert.Contains("Workspace settings (admins only)", settingsHtml);
    }

    [Fact]
    public async Task ARepSignedInWithEntraIsFoundByTenantAndObjectIdAndSeesOnlyThemselves()
    {
        await using var site = await ConsoleSite.StartAsync(database);
        using var visitor = site.Visitor();

        var trail = await visitor.SignInAsync("entra", ConsoleRoster.TeamsRepOid);
        var (response, html, _) = await visitor.OpenAsync("/console/people");

        Assert.StartsWith($"{site.Entra.BaseUrl}{ConsoleRoster.Tenant}/oauth2/v2.0/authorize?", trail.Authorize.ToString());
        Assert.Equal("/console/signin-entra", trail.Callback!.AbsolutePath);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("data-testid=\"viewer-name\">Teo Teams<", html);
        Assert.Contains("data-testid=\"viewer-role\">Rep<", html);
        Assert.Contains("<ul class=\"people\"><li>Teo Teams</li></ul>", html);
    }

    [Fact]
    public async Task SomeoneNotOnTheRosterIsToldToAskTheirAdminAndGetsNoCookie()
    {
        await using var site = await ConsoleSite.StartAsync(database);
        using var visitor = site.Visitor();

        var trail = await visitor.SignInAsync("slack", ConsoleRoster.Stranger.Id);
        var (page, html, _) = await visitor.OpenAsync(trail.Landing!.PathAndQuery);
        using var console = await visitor.GetAsync("/console/people");

        Assert.Equal("/console/not-on-roster", trail.Landing.AbsolutePath);
        Assert.Equal(HttpStatusCode.Forbidden, page.StatusCode);
        Assert.Contains("your account is not on CoachBot&#39;s roster for its workspace", html);
        Assert.Contains("Ask your CoachBot admin to add you, then sign in again.", html);
        Assert.Equal("/console/signin", ConsoleHttpVisitor.Location(console).AbsolutePath);
        Assert.Contains(site.App.Logs.Entries, e => e.EventId.Id == 9002);
    }

    [Theory]
    [InlineData(IdTokenFault.Tampered)]
    [InlineData(IdTokenFault.Expired)]
    public async Task ASpoiltIdTokenEndsOnTheSignInPageSignedOut(IdTokenFault fault)
    {
        await using var site = await ConsoleSite.StartAsync(database);
        site.Slack.Issuer.Fault = fault;
        using var visitor = site.Visitor();

        var trail = await visitor.SignInAsync("slack", ConsoleRoster.Maya.Id);
        var (_, html, _) = await visitor.OpenAsync(trail.Landing!.PathAndQuery);
        using var console = await visitor.GetAsync("/console/people");

        Assert.Equal("/console/signin", trail.Landing.AbsolutePath);
        Assert.Contains("Sign-in did not complete. Please try again", html);
        Assert.Equal("/console/signin", ConsoleHttpVisitor.Location(console).AbsolutePath);
        Assert.Contains(site.App.Logs.Entries, e => e.EventId.Id == 9003 && e.Message.Contains("slack"));
        Assert.DoesNotContain(site.App.Logs.Entries, e => e.Message.Contains("eyJ", StringComparison.Ordinal));
    }

    [Fact]
    public async Task SlacksOkFalseTokenAnswerIsLoggedAsASignInFailure()
    {
        await using var site = await ConsoleSite.StartAsync(database);
        site.Slack.Issuer.ForcedTokenError = "invalid_code";
        using var visitor = site.Visitor();

        var trail = await visitor.SignInAsync("slack", ConsoleRoster.Maya.Id);

        Assert.Equal("/console/signin", trail.Landing!.AbsolutePath);
        Assert.Contains("failed=1", trail.Landing.Query);
        Assert.True(site.App.Logs.Entries.Any(e => e.EventId.Id == 9004 && e.Message.Contains("invalid_code")), string.Join("\n", site.App.Logs.Lines));
    }

    [Fact]
    public async Task SignOutNeedsTheFormsAntiforgeryTokenAndThenClearsTheCookie()
    {
        await using var site = await ConsoleSite.StartAsync(database);
        using var visitor = site.Visitor();
        await visitor.SignInAsync("slack", ConsoleRoster.Ava.Id);
        var (_, html, _) = await visitor.OpenAsync("/console/people");

        using var forged = await visitor.PostFormAsync("/console/signout", new Dictionary<string, string>());
        var (stillIn, _, _) = await visitor.OpenAsync("/console/people");
        using var signOut = await visitor.PostFormAsync("/console/signout", new Dictionary<string, string> { ["__RequestVerificationToken"] = ConsoleHttpVisitor.AntiforgeryToken(html) });
        var (after, afterHtml, afterUrl) = await visitor.OpenAsync("/console/people");

        Assert.Equal(HttpStatusCode.BadRequest, forged.StatusCode);
        Assert.Contains("reload the page and try again", await forged.Content.ReadAsStringAsync());
        Assert.Equal(HttpStatusCode.OK, stillIn.StatusCode);
        Assert.Equal("/console/signin?signedout=1", ConsoleHttpVisitor.Location(signOut).PathAndQuery);
        Assert.Equal("/console/signin", afterUrl.AbsolutePath);
        Assert.Contains("Sign in with Slack", afterHtml);
        Assert.Equal(HttpStatusCode.OK, after.StatusCode);
    }

    [Fact]
    public async Task AnUnknownPageIsA404InsideTheSignedInShell()
    {
        await using var site = await ConsoleSite.StartAsync(database);
        using var visitor = site.Visitor();
        await visitor.SignInAsync("slack", ConsoleRoster.Ben.Id);

        var (response, html, _) = await visitor.OpenAsync("/console/nowhere%3Cb%3E");

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Contains("There is no console page called “nowhere&lt;b&gt;”.", html);
        Assert.Contains("data-testid=\"viewer-name\">Ben Carter<", html);
    }

    [Fact]
    public async Task ARepsPrivateReplyAppearsOnNoConsolePageForAnyRole()
    {
        const string Private = "I am thinking of quitting, please keep this between us";
        await using var site = await ConsoleSite.StartAsync(database);
        await using (var reply = database.DataSource.CreateCommand("""
            insert into rep_reply (person_id, body, original_length, received_at)
            select p.id, $1, length($1), now() from person p where p.platform_user_id = 'U0AVA'
            """))
        {
            reply.Parameters.Add(new() { Value = Private });
            Assert.Equal(1, await reply.ExecuteNonQueryAsync());
        }

        foreach (var person in new[] { ConsoleRoster.Admin, ConsoleRoster.Maya, ConsoleRoster.Ava })
        {
            using var visitor = site.Visitor();
            await visitor.SignInAsync("slack", person.Id);
            foreach (var path in new[] { "/console", "/console/people", "/console/settings", "/console/nowhere" })
            {
                var (_, html, _) = await visitor.OpenAsync(path);

                Assert.Contains($"data-testid=\"viewer-name\">{person.Name}<", html);
                Assert.DoesNotContain("quitting", html);
            }
        }
    }
}
