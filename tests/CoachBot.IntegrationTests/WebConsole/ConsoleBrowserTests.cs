using CoachBot.IntegrationTests.Demo;
using CoachBot.Testing;
using CoachBot.Testing.WebConsole;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace CoachBot.IntegrationTests.WebConsole;

// The demo as run.sh starts it, the console on: a person opens /console in chromium, signs in through the local
// workspace's "Sign in with Slack" and sees what their roster role allows. Lars is the demo's configured first admin.
public sealed class ConsoleBrowserTests(PostgresDatabase database, WorkspaceBrowser browser)
    : IClassFixture<PostgresDatabase>, IClassFixture<WorkspaceBrowser>
{
    private static readonly string[] Everyone =
        ["Ava Martinez", "Ben Carter", "Chloé Dubois", "Dev Patel", "Emma Schmidt", "Kenji Sato", "Lars Eriksen", "Maya Okafor"];

    [Fact]
    public async Task AnAdminSignsInWithSlackAndSeesEveryoneAndTheAdminPage()
    {
        await using var demo = await StartAsync();
        var page = await SignInAsync(demo, "U0MGRLARS", "console-signin");

        await Expect(page.GetByTestId("viewer-name")).ToHaveTextAsync("Lars Eriksen");
        await Expect(page.GetByTestId("viewer-role")).ToHaveTextAsync("Admin");
        await Expect(Nav(page)).ToHaveTextAsync(["People", "Settings"]);
        await Expect(page.Locator("ul.people li")).ToHaveTextAsync(Everyone);
        await WorkspaceBrowser.ScreenshotAsync(page, "console-admin");
        await Nav(page).GetByText("Settings").ClickAsync();
        await Expect(page.Locator("p.settings")).ToContainTextAsync("Workspace settings (admins only)");
    }

    [Fact]
    public async Task AManagerSeesTheirRepsButNotOtherTeamsOrTheAdminPage()
    {
        await using var demo = await StartAsync();
        var page = await SignInAsync(demo, "U0MGRMAYA");

        await Expect(page.GetByTestId("viewer-role")).ToHaveTextAsync("Manager");
        await Expect(Nav(page)).ToHaveTextAsync(["People"]);
        await Expect(page.Locator("ul.people li")).ToHaveTextAsync(["Ava Martinez", "Ben Carter", "Kenji Sato", "Maya Okafor"]);
        await Expect(page.Locator("main")).Not.ToContainTextAsync("Chloé");
        await WorkspaceBrowser.ScreenshotAsync(page, "console-manager");
        await page.GotoAsync(new Uri(demo.CoachBotUrl, "console/settings").ToString());
        await Expect(page.Locator("main")).ToContainTextAsync("Your role does not include the Settings page.");
        await Expect(page.Locator("p.settings")).ToHaveCountAsync(0);
    }

    [Fact]
    public async Task ARepSeesOnlyThemselvesAndSignsOut()
    {
        await using var demo = await StartAsync();
        var page = await SignInAsync(demo, "U0REPAVA");

        await Expect(page.GetByTestId("viewer-name")).ToHaveTextAsync("Ava Martinez");
        await Expect(page.GetByTestId("viewer-role")).ToHaveTextAsync("Rep");
        await Expect(Nav(page)).ToHaveTextAsync(["People"]);
        await Expect(page.Locator("ul.people li")).ToHaveTextAsync(["Ava Martinez"]);
        await WorkspaceBrowser.ScreenshotAsync(page, "console-rep");
        await page.GetByRole(AriaRole.Button, new() { Name = "Sign out" }).ClickAsync();
        await Expect(page.Locator("main")).ToContainTextAsync("You are signed out of the CoachBot console.");
        await page.GotoAsync(new Uri(demo.CoachBotUrl, "console/people").ToString());
        await Expect(page.GetByRole(AriaRole.Link, new() { Name = "Sign in with Slack" })).ToBeVisibleAsync();
    }

    private Task<DemoCluster> StartAsync() => DemoCluster.StartAsync(database, app => app
        .WithSetting("Coaching:Admins:0", "U0MGRLARS")
        .WithConsoleTestPages(), console: true);

    private async Task<IPage> SignInAsync(DemoCluster demo, string userId, string? pickerScreenshot = null)
    {
        var page = await browser.OpenUrlAsync(new Uri(demo.CoachBotUrl, "console"));
        await page.GetByRole(AriaRole.Link, new() { Name = "Sign in with Slack" }).ClickAsync();
        await Expect(page.Locator("h1")).ToHaveTextAsync("Sign in with Slack to Acme Sales (demo)");
        if (pickerScreenshot is not null)
        {
            await WorkspaceBrowser.ScreenshotAsync(page, pickerScreenshot);
        }

        await page.Locator($"a.person[data-user='{userId}']").ClickAsync();
        await Expect(page).ToHaveURLAsync(new Uri(demo.CoachBotUrl, "console/people").ToString());
        return page;
    }

    private static ILocator Nav(IPage page) => page.Locator("nav a");
}
