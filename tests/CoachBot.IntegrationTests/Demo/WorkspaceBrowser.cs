using Microsoft.Playwright;

namespace CoachBot.IntegrationTests.Demo;

/// <summary>
/// Debian's chromium driven by Playwright, headless, one per test class; never a browser download.
/// Screenshots go to TestResults/screenshots at the repository root (git-ignored), or $COACHBOT_SCREENSHOTS.
/// </summary>
public sealed class WorkspaceBrowser : IAsyncLifetime
{
    public const string ChromiumPath = "/usr/bin/chromium";

    private IPlaywright? _playwright;
    private IBrowser? _browser;

    public static string ScreenshotFolder { get; } = Environment.GetEnvironmentVariable("COACHBOT_SCREENSHOTS") is { Length: > 0 } folder
        ? folder
        : Path.Combine(RepositoryRoot(), "TestResults", "screenshots");

    public async Task InitializeAsync()
    {
        if (!File.Exists(ChromiumPath))
        {
            throw new InvalidOperationException($"{ChromiumPath} is missing: install Debian's chromium (deploy/local/test.sh does) to run the browser tests.");
        }

        _playwright = await Playwright.CreateAsync();
        _browser = await _playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = ChromiumPath,
            Headless = true,
            Args = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run"],
        });
        Assertions.SetDefaultExpectTimeout(20_000);
    }

    public async Task<IPage> OpenAsync(Uri workspaceUrl, string asUser)
    {
        var context = await _browser!.NewContextAsync(new BrowserNewContextOptions { ViewportSize = new ViewportSize { Width = 1280, Height = 860 } });
        var page = await context.NewPageAsync();
        page.SetDefaultTimeout(20_000);
        await page.GotoAsync(new Uri(workspaceUrl, $"?as={asUser}").ToString());
        return page;
    }

    /// <summary>A fresh browser context (its own cookies) at <paramref name="url"/>.</summary>
    public async Task<IPage> OpenUrlAsync(Uri url)
    {
        var context = await _browser!.NewContextAsync(new BrowserNewContextOptions { ViewportSize = new ViewportSize { Width = 1280, Height = 720 } });
        var page = await context.NewPageAsync();
        page.SetDefaultTimeout(20_000);
        await page.GotoAsync(url.ToString());
        return page;
    }

    public static async Task ScreenshotAsync(IPage page, string name)
    {
        Directory.CreateDirectory(ScreenshotFolder);
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(ScreenshotFolder, $"{name}.png") });
    }

    public async Task DisposeAsync()
    {
        if (_browser is not null)
        {
            await _browser.DisposeAsync();
        }

        _playwright?.Dispose();
    }

    private static string RepositoryRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "CoachBot.sln")))
            {
                return dir.FullName;
            }
        }

        return AppContext.BaseDirectory;
    }
}
