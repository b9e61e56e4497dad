using Microsoft.Playwright;

namespace CoachBot.IntegrationTests.Demo;

/// <summary>The local workspace's UI as a test sees it: named parts instead of selectors scattered through tests.</summary>
public sealed class WorkspacePage(IPage page)
{
    public IPage Page => page;

    public ILocator People => page.Locator("#people li");

    public ILocator Messages => page.Locator("#messages .msg");

    public ILocator Home => page.Locator("#home");

    public ILocator ClockNow => page.Locator("#clock-now");

    public ILocator ClockStatus => page.Locator("#clock-status");

    public ILocator Message(string ts) => page.Locator($"#messages .msg[data-ts='{ts}']");

    public ILocator MessageContaining(string text) => Messages.Filter(new LocatorFilterOptions { HasText = text });

    public ILocator Button(string label) => page.Locator(".bk-button", new PageLocatorOptions { HasText = label });

    public async Task ActAsAsync(string userId) => await page.Locator($"#people li[data-user-id='{userId}']").ClickAsync();

    public async Task OpenChannelAsync(string channelId) => await page.Locator($"#channels li[data-channel-id='{channelId}']").ClickAsync();

    public async Task OpenAppAsync() => await page.Locator("#apps li").ClickAsync();

    public async Task OpenTabAsync(string tab) => await page.Locator($"#conv-tabs button[data-tab='{tab}']").ClickAsync();

    public async Task TypeAsync(string text)
    {
        await page.Locator("#box").FillAsync(text);
        await page.Locator("#box").PressAsync("Enter");
    }

    public async Task ScreenshotAsync(string name) => await WorkspaceBrowser.ScreenshotAsync(page, name);
}
