using System.Text.Json.Nodes;
using CoachBot.Testing.Demo;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace CoachBot.IntegrationTests.Demo;

// A person in the browser, the workspace in the middle, and a signature-checking stand-in where CoachBot's Slack endpoints go.
public sealed class LocalWorkspaceBrowserTests(WorkspaceBrowser browser) : IClassFixture<WorkspaceBrowser>, IAsyncLifetime
{
    private SlackStandIn _app = null!;
    private LocalWorkspaceHost _workspace = null!;

    public async Task InitializeAsync()
    {
        var secret = Convert.ToHexStringLower(Guid.NewGuid().ToByteArray());
        _app = await SlackStandIn.StartAsync(secret);
        _workspace = await LocalWorkspaceHost.StartAsync(_app.BaseUrl, secret);
    }

    public async Task DisposeAsync()
    {
        await _workspace.DisposeAsync();
        await _app.DisposeAsync();
    }

    [Fact]
    public async Task TheWorkspaceListsTheRosterAndSwitchingPersonShowsTheirConversations()
    {
        var ui = new WorkspacePage(await browser.OpenAsync(_workspace.BaseUrl, "U0REPAVA"));

        await Expect(ui.People).ToHaveCountAsync(8);
        await Expect(ui.Page.Locator("#conv-title")).ToHaveTextAsync("CoachBot");
        await Expect(ui.Page.Locator("#channels li[data-channel-id]")).ToHaveCountAsync(0);
        await ui.ScreenshotAsync("01-workspace-as-rep");
        await ui.ActAsAsync("U0MGRMAYA");

        await Expect(ui.Page.Locator("#who")).ToHaveValueAsync("U0MGRMAYA");
        await Expect(ui.Page.Locator("#channels li[data-channel-id='C0MANAGERS']")).ToHaveTextAsync("sales-managers");
    }

    [Fact]
    public async Task TypingInADmSendsASignedMessageImEventCallback()
    {
        var ui = new WorkspacePage(await browser.OpenAsync(_workspace.BaseUrl, "U0REPAVA"));

        await ui.TypeAsync("Called 3 of 5 <accounts> & booked one");
        var delivery = await _app.WaitForAsync(d => d.Kind == "events", "a message event");

        Assert.True(delivery.SignatureValid);
        Assert.InRange(long.Parse(delivery.Timestamp), DateTimeOffset.UtcNow.AddMinutes(-5).ToUnixTimeSeconds(), DateTimeOffset.UtcNow.ToUnixTimeSeconds());
        Assert.StartsWith("application/json", delivery.ContentType);
        var envelope = delivery.Json;
        Assert.Equal("event_callback", envelope["type"]?.GetValue<string>());
        Assert.Equal("T0DEMO", envelope["team_id"]?.GetValue<string>());
        Assert.Equal("A0COACHBOT", envelope["api_app_id"]?.GetValue<string>());
        Assert.StartsWith("Ev", envelope["event_id"]?.GetValue<string>());
        Assert.InRange(envelope["event_time"]!.GetValue<long>(), DateTimeOffset.UtcNow.ToUnixTimeSeconds() - 60, DateTimeOffset.UtcNow.ToUnixTimeSeconds());
        var message = envelope["event"]!;
        Assert.Equal("message", message["type"]?.GetValue<string>());
        Assert.Equal("im", message["channel_type"]?.GetValue<string>());
        Assert.Equal("D0REPAVA", message["channel"]?.GetValue<string>());
        Assert.Equal("U0REPAVA", message["user"]?.GetValue<string>());
        Assert.Equal("Called 3 of 5 &lt;accounts&gt; &amp; booked one", message["text"]?.GetValue<string>());
        Assert.Equal(message["ts"]?.GetValue<string>(), message["event_ts"]?.GetValue<string>());
        Assert.Null(message["subtype"]);
        await Expect(ui.MessageContaining("Called 3 of 5 <accounts> & booked one")).ToHaveCountAsync(1);
    }

    [Fact]
    public async Task AfterAFastForwardTheWorkspaceSignsAndStampsInCoachBotsDemoTime()
    {
        _app.DemoOffsetMinutes = 1440;
        var ui = new WorkspacePage(await browser.OpenAsync(_workspace.BaseUrl, "U0REPAVA"));
        await Expect(ui.ClockNow).ToContainTextAsync("(+1 d)");

        await ui.TypeAsync("still on track?");
        var delivery = await _app.WaitForAsync(d => d.Kind == "events", "a message event");

        Assert.True(delivery.SignatureValid);
        var tomorrow = (From: DateTimeOffset.UtcNow.AddDays(1).AddMinutes(-5).ToUnixTimeSeconds(), To: DateTimeOffset.UtcNow.AddDays(1).ToUnixTimeSeconds());
        Assert.InRange(long.Parse(delivery.Timestamp), tomorrow.From, tomorrow.To);
        Assert.InRange(delivery.Json["event_time"]!.GetValue<long>(), tomorrow.From, tomorrow.To);
        Assert.InRange(long.Parse(delivery.Json["event"]!["ts"]!.GetValue<string>().Split('.')[0]), tomorrow.From, tomorrow.To);
    }

    [Fact]
    public async Task BlockKitRendersWithButtonsAClickSendsSignedBlockActionsAndChatUpdateReplacesInPlace()
    {
        string? nudgeTs = null;
        _app.OnEvent = async _ =>
        {
            var posted = await _workspace.CallAsync("chat.postMessage", new() { ["channel"] = "U0REPAVA", ["text"] = "Today's nudge", ["blocks"] = SampleMessages.Nudge() });
            nudgeTs = posted["ts"]!.GetValue<string>();
        };
        _app.OnInteraction = async delivery =>
        {
            var container = delivery.Payload["container"]!;
            await _workspace.CallAsync("chat.update", new()
            {
                ["channel"] = container["channel_id"]!.GetValue<string>(), ["ts"] = container["message_ts"]!.GetValue<string>(),
                ["text"] = "Done", ["blocks"] = SampleMessages.Done(),
            });
        };
        var ui = new WorkspacePage(await browser.OpenAsync(_workspace.BaseUrl, "U0REPAVA"));

        await ui.TypeAsync("ready");
        await Expect(ui.Page.Locator(".bk-header")).ToHaveTextAsync("Today's nudge: 5 calls before 11:00");
        await Expect(ui.Page.Locator(".bk-fields .bk-field")).ToHaveCountAsync(2);
        await Expect(ui.Page.Locator(".bk-context")).ToContainTextAsync("Sent because you run a sprint race");
        await Expect(ui.Page.Locator(".bk-section b").First).ToHaveTextAsync("Block 45 minutes");
        await Expect(ui.Button("Done")).ToHaveClassAsync("bk-button primary");
        await ui.ScreenshotAsync("02-block-kit-nudge");
        await ui.Button("Done").ClickAsync();
        var click = await _app.WaitForAsync(d => d.Kind == "interactions", "a block_actions payload");

        Assert.True(click.SignatureValid);
        Assert.Equal(["payload"], click.Form.Keys);
        var payload = click.Payload;
        Assert.Equal("block_actions", payload["type"]?.GetValue<string>());
        Assert.Equal("U0REPAVA", payload["user"]?["id"]?.GetValue<string>());
        Assert.Equal("T0DEMO", payload["team"]?["id"]?.GetValue<string>());
        Assert.Equal("D0REPAVA", payload["channel"]?["id"]?.GetValue<string>());
        Assert.Equal(nudgeTs, payload["container"]?["message_ts"]?.GetValue<string>());
        Assert.Equal(nudgeTs, payload["message"]?["ts"]?.GetValue<string>());
        Assert.Equal(5, payload["message"]?["blocks"]?.AsArray().Count);
        var action = Assert.Single(payload["actions"]!.AsArray())!;
        Assert.Equal("nudge.done", action["action_id"]?.GetValue<string>());
        Assert.Equal("nudge-actions", action["block_id"]?.GetValue<string>());
        Assert.Equal(SampleMessages.DeliveryId, action["value"]?.GetValue<string>());
        Assert.False(string.IsNullOrEmpty(action["action_ts"]?.GetValue<string>()));
        Assert.StartsWith(new Uri(_workspace.BaseUrl, "hooks/").ToString(), payload["response_url"]?.GetValue<string>());
        var updated = ui.Message(nudgeTs!);
        await Expect(updated).ToHaveAttributeAsync("data-revision", "1");
        await Expect(updated).ToContainTextAsync("nice work, streak is 5 days");
        await Expect(updated.Locator(".bk-button")).ToHaveCountAsync(0);
        await Expect(updated.Locator(".edited")).ToHaveTextAsync("(edited)");
        await Expect(ui.Messages).ToHaveCountAsync(2);
        await ui.ScreenshotAsync("03-chat-update-in-place");
    }

    [Fact]
    public async Task SlashCommandsArriveAsSignedFormsAndEphemeralRepliesShowOnlyToTheInvoker()
    {
        _app.OnCommand = _ => Task.FromResult<string?>("""{"response_type":"ephemeral","text":"Looking that up…"}""");
        var ui = new WorkspacePage(await browser.OpenAsync(_workspace.BaseUrl, "U0MGRMAYA"));
        await ui.OpenChannelAsync("C0MANAGERS");

        await ui.TypeAsync("/coach report @ava");
        var command = await _app.WaitForAsync(d => d.Kind == "commands", "a slash command");
        await _workspace.PostJsonAsync(new Uri(command.Form["response_url"]), new JsonObject { ["text"] = "Ava: 4-day streak, no open escalations." });

        Assert.True(command.SignatureValid);
        Assert.Equal("application/x-www-form-urlencoded", command.ContentType);
        var form = command.Form;
        Assert.Equal("/coach", form["command"]);
        Assert.Equal("report <@U0REPAVA>", form["text"]);
        Assert.Equal("U0MGRMAYA", form["user_id"]);
        Assert.Equal("C0MANAGERS", form["channel_id"]);
        Assert.Equal("sales-managers", form["channel_name"]);
        Assert.Equal("T0DEMO", form["team_id"]);
        Assert.Matches(@"^\d+\.\d+\.[0-9a-z]+$", form["trigger_id"]);
        var reply = ui.MessageContaining("Ava: 4-day streak");
        await Expect(reply.Locator(".only-you")).ToHaveTextAsync("Only visible to you");
        await Expect(ui.MessageContaining("Looking that up…")).ToHaveClassAsync("msg ephemeral");
        await ui.ScreenshotAsync("04-ephemeral-reply");
        await ui.ActAsAsync("U0MGRLARS");
        await ui.OpenChannelAsync("C0MANAGERS");
        await Expect(ui.Page.Locator("#messages .empty")).ToHaveTextAsync("No messages yet.");
    }

    [Fact]
    public async Task OpeningHomeSendsAppHomeOpenedAndThePublishedViewIsClickable()
    {
        _app.OnEvent = async delivery =>
        {
            if (delivery.Json["event"]?["type"]?.GetValue<string>() == "app_home_opened")
            {
                await _workspace.CallAsync("views.publish", new() { ["user_id"] = "U0REPBEN", ["view"] = SampleMessages.HomeView() });
            }
        };
        var ui = new WorkspacePage(await browser.OpenAsync(_workspace.BaseUrl, "U0REPBEN"));

        await ui.OpenTabAsync("home");
        var opened = await _app.WaitForAsync(d => d.Kind == "events" && d.Json["event"]?["tab"]?.GetValue<string>() == "home", "app_home_opened");
        await ui.Home.Locator(".bk-button", new LocatorLocatorOptions { HasText = "Change style" }).ClickAsync();
        var click = await _app.WaitForAsync(d => d.Kind == "interactions", "a click on the Home tab");

        Assert.True(opened.SignatureValid);
        Assert.Equal("U0REPBEN", opened.Json["event"]?["user"]?.GetValue<string>());
        Assert.Equal("D0REPBEN", opened.Json["event"]?["channel"]?.GetValue<string>());
        Assert.Equal("view", click.Payload["container"]?["type"]?.GetValue<string>());
        Assert.Equal("home.style", click.Payload["actions"]?[0]?["action_id"]?.GetValue<string>());
        Assert.Null(click.Payload["response_url"]);
        await Expect(ui.Home.Locator(".bk-header")).ToHaveTextAsync("Your coaching");
    }

    [Fact]
    public async Task MentioningTheBotInTheManagersChannelAndAddingSomeoneReachTheAppAsEvents()
    {
        var ui = new WorkspacePage(await browser.OpenAsync(_workspace.BaseUrl, "U0MGRLARS"));
        await ui.OpenChannelAsync("C0MANAGERS");

        await ui.TypeAsync("@CoachBot what is open?");
        var mention = await _app.WaitForAsync(d => d.Kind == "events" && d.Json["event"]?["type"]?.GetValue<string>() == "app_mention", "app_mention");
        await ui.Page.Locator("#add-member").SelectOptionAsync("U0REPEMMA");
        await ui.Page.Locator("#add-member-button").ClickAsync();
        var joined = await _app.WaitForAsync(d => d.Kind == "events" && d.Json["event"]?["type"]?.GetValue<string>() == "member_joined_channel", "member_joined_channel");

        Assert.True(mention.SignatureValid && joined.SignatureValid);
        Assert.Equal("<@U0COACHBOT> what is open?", mention.Json["event"]?["text"]?.GetValue<string>());
        Assert.Equal("C0MANAGERS", mention.Json["event"]?["channel"]?.GetValue<string>());
        Assert.Equal("U0REPEMMA", joined.Json["event"]?["user"]?.GetValue<string>());
        Assert.Equal("U0MGRLARS", joined.Json["event"]?["inviter"]?.GetValue<string>());
        Assert.Equal("C0MANAGERS", joined.Json["event"]?["channel"]?.GetValue<string>());
        await Expect(ui.Page.Locator("#member-count")).ToHaveTextAsync("4 members");
    }
}
