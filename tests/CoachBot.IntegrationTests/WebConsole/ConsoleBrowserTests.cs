using CoachBot.IntegrationTests.Demo;
using CoachBot.Testing;
using CoachBot.Testing.WebConsole;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace CoachBot.IntegrationTests.WebConsole;

// The demo as run.sh starts it, the console on: a person opens /console in chromium, signs in through the local
// workspace's "Sign in with Slack" and sees the real pages as their roster role allows. Lars is the demo's configured
// first admin.
public sealed class ConsoleBrowserTests(PostgresDatabase database, WorkspaceBrowser browser)
    : IClassFixture<PostgresDatabase>, IClassFixture<WorkspaceBrowser>
{
    private static readonly string[] AllPages = ["Team", "Coaching", "Delivery", "Escalations", "Library"];

    // The demo roster's reps: Maya manages Ava, Ben and Kenji; Lars manages Chloé, Dev and Emma.
    private static readonly string[] EveryRep = ["Ava Martinez", "Ben Carter", "Chloé Dubois", "Dev Patel", "Emma Schmidt", "Kenji Sato"];

    [Fact]
    public async Task AnAdminSignsInWithSlackAndSeesEveryRepAndEveryPage()
    {
        await using var demo = await StartAsync();
        await NudgeNowAsync(demo, "U0REPAVA", "U0REPBEN", "U0REPCHLOE");
        var page = await SignInAsync(demo, "U0MGRLARS", "console-signin");

        await Expect(page.GetByTestId("viewer-name")).ToHaveTextAsync("Lars Eriksen");
        await Expect(page.GetByTestId("viewer-role")).ToHaveTextAsync("Admin");
        await Expect(Nav(page)).ToHaveTextAsync(AllPages);
        await Expect(page.Locator("main h2").First).ToHaveTextAsync("Your team");
        await Expect(RepNames(page)).ToHaveTextAsync(EveryRep);
        await WorkspaceBrowser.ScreenshotAsync(page, "console-admin");

        await Nav(page).GetByText("Delivery").ClickAsync();
        await Expect(page.Locator("main h2").First).ToHaveTextAsync("Delivery, last 14 days");
        await Expect(page.Locator("main svg").First).ToBeVisibleAsync();
        await Expect(page.Locator("main")).ToContainTextAsync("Everyone can be reached.");
        await WorkspaceBrowser.ScreenshotAsync(page, "console-delivery");

        await Nav(page).GetByText("Library").ClickAsync();
        await page.Locator("main a[href*='intent=']").First.ClickAsync();
        await Expect(page.Locator("main")).ToContainTextAsync("Driver");
        await Expect(page.Locator("main")).ToContainTextAsync("Analytical");
        await WorkspaceBrowser.ScreenshotAsync(page, "console-library");
        await page.GetByText("Block Kit JSON").First.ClickAsync();
        await Expect(page.Locator("pre.block-kit").First).ToContainTextAsync("\"section\"");
        await page.GetByText("Adaptive Card JSON").First.ClickAsync();
        await Expect(page.Locator("pre.adaptive-card").First).ToContainTextAsync("\"AdaptiveCard\"");
    }

    [Fact]
    public async Task AManagerSeesTheirOwnRepsAndNotTheOtherManagersTeam()
    {
        await using var demo = await StartAsync();
        await NudgeNowAsync(demo, "U0REPAVA", "U0REPBEN");
        var page = await SignInAsync(demo, "U0MGRMAYA");

        await Expect(page.GetByTestId("viewer-role")).ToHaveTextAsync("Manager");
        await Expect(Nav(page)).ToHaveTextAsync(AllPages);
        await Expect(RepNames(page)).ToHaveTextAsync(["Ava Martinez", "Ben Carter", "Kenji Sato"]);
        await Expect(page.Locator("main")).Not.ToContainTextAsync("Chloé");
        await WorkspaceBrowser.ScreenshotAsync(page, "console-manager");

        // Three reps are fewer than five: the Coaching page hides the team's aggregates and says why.
        await Nav(page).GetByText("Coaching").ClickAsync();
        await Expect(page.Locator("main p.hidden-aggregate").First).ToContainTextAsync("Hidden because fewer than 5 reps are in the group");
        await Expect(page.Locator("main")).Not.ToContainTextAsync("Chloé");
        await Nav(page).GetByText("Escalations").ClickAsync();
        await Expect(page.Locator("main")).Not.ToContainTextAsync("Dev Patel");
    }

    [Fact]
    public async Task ARepSeesOnlyThemselvesNoDeliveryPageAndSignsOut()
    {
        await using var demo = await StartAsync();
        var page = await SignInAsync(demo, "U0REPAVA");

        await Expect(page.GetByTestId("viewer-name")).ToHaveTextAsync("Ava Martinez");
        await Expect(page.GetByTestId("viewer-role")).ToHaveTextAsync("Rep");
        await Expect(Nav(page)).ToHaveTextAsync(["Team", "Coaching", "Escalations", "Library"]);
        await Expect(page.Locator("main h2").First).ToHaveTextAsync("You");
        await Expect(RepNames(page)).ToHaveTextAsync(["Ava Martinez"]);
        await WorkspaceBrowser.ScreenshotAsync(page, "console-rep");
        await page.GotoAsync(new Uri(demo.CoachBotUrl, "console/delivery").ToString());
        await Expect(page.Locator("main")).ToContainTextAsync("Your role does not include the Delivery page.");
        await Expect(page.Locator("main")).Not.ToContainTextAsync("Ben Carter");

        await page.GetByRole(AriaRole.Button, new() { Name = "Sign out" }).ClickAsync();
        await Expect(page.Locator("main")).ToContainTextAsync("You are signed out of the CoachBot console.");
        await page.GotoAsync(new Uri(demo.CoachBotUrl, "console/team").ToString());
        await Expect(page.GetByRole(AriaRole.Link, new() { Name = "Sign in with Slack" })).ToBeVisibleAsync();
    }

    private Task<DemoCluster> StartAsync() => DemoCluster.StartAsync(database, app => app
        .WithSetting("Coaching:Admins:0", "U0MGRLARS"), console: true);

    // What "Send the next nudge now" does in the workspace: the demo's loopback-only endpoint, one rep at a time.
    private static async Task NudgeNowAsync(DemoCluster demo, params string[] users)
    {
        using var http = new HttpClient { BaseAddress = demo.CoachBotUrl };
        foreach (var user in users)
        {
            using var response = await http.PostAsync($"demo/nudge-now?user={user}", null);
            Assert.True(response.IsSuccessStatusCode, $"nudge-now {user}: {(int)response.StatusCode} {await response.Content.ReadAsStringAsync()}");
        }
    }

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
        await Expect(page).ToHaveURLAsync(new Uri(demo.CoachBotUrl, "console/team").ToString());
        return page;
    }

    private static ILocator Nav(IPage page) => page.Locator("nav a");

    // The Team table's first column: one row per rep the viewer may see.
    private static ILocator RepNames(IPage page) => page.Locator("main table").First.Locator("tbody tr td:first-child");
}
