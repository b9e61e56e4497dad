using System.Text.Json.Nodes;
using CoachBot.Testing.Demo;

namespace CoachBot.IntegrationTests.Demo;

// The fake Web API must answer as Slack does, or CoachBot's client would pass here and fail against the real service.
public sealed class LocalWorkspaceWebApiTests : IAsyncLifetime
{
    private LocalWorkspaceHost _workspace = null!;

    public async Task InitializeAsync() => _workspace = await LocalWorkspaceHost.StartAsync(new Uri("http://127.0.0.1:9/"));

    public async Task DisposeAsync() => await _workspace.DisposeAsync();

    [Fact]
    public async Task CallsWithoutTheBotTokenAreRefusedInSlacksEnvelope()
    {
        var missing = await _workspace.CallFormAsync("auth.test", new Dictionary<string, string>());
        var wrong = await _workspace.CallAsync("auth.test", [], token: "xoxb-wrong");
        var right = await _workspace.CallAsync("auth.test", []);

        Assert.Equal("not_authed", missing["error"]?.GetValue<string>());
        Assert.Equal("invalid_auth", wrong["error"]?.GetValue<string>());
        Assert.True(right["ok"]!.GetValue<bool>());
        Assert.Equal("U0COACHBOT", right["user_id"]?.GetValue<string>());
        Assert.Equal("T0DEMO", right["team_id"]?.GetValue<string>());
    }

    [Fact]
    public async Task PostingToAUserIdLandsInTheirDmAndKeepsMetadataForHistoryWithIncludeAllMetadata()
    {
        var metadata = new JsonObject { ["event_type"] = "coachbot_nudge", ["event_payload"] = new JsonObject { ["delivery_id"] = "d-1" } };

        var posted = await _workspace.CallAsync("chat.postMessage", new() { ["channel"] = "U0REPAVA", ["text"] = "Nudge", ["metadata"] = metadata });
        var withMetadata = await _workspace.CallAsync("conversations.history", new() { ["channel"] = "D0REPAVA", ["include_all_metadata"] = true });
        var without = await _workspace.CallAsync("conversations.history", new() { ["channel"] = "D0REPAVA" });

        Assert.Equal("D0REPAVA", posted["channel"]?.GetValue<string>());
        var ts = posted["ts"]!.GetValue<string>();
        Assert.Matches(@"^\d{10}\.\d{6}$", ts);
        var message = Assert.Single(withMetadata["messages"]!.AsArray())!;
        Assert.Equal(ts, message["ts"]?.GetValue<string>());
        Assert.Equal("d-1", message["metadata"]?["event_payload"]?["delivery_id"]?.GetValue<string>());
        Assert.Null(without["messages"]![0]!["metadata"]);
    }

    [Fact]
    public async Task UpdatingNeedsTheDmChannelIdAndReplacesTheMessage()
    {
        var posted = await _workspace.CallAsync("chat.postMessage", new() { ["channel"] = "U0REPBEN", ["text"] = "Before" });
        var ts = posted["ts"]!.GetValue<string>();

        var byUserId = await _workspace.CallAsync("chat.update", new() { ["channel"] = "U0REPBEN", ["ts"] = ts, ["text"] = "After" });
        var unknownTs = await _workspace.CallAsync("chat.update", new() { ["channel"] = "D0REPBEN", ["ts"] = "1.000001", ["text"] = "After" });
        var updated = await _workspace.CallAsync("chat.update", new() { ["channel"] = "D0REPBEN", ["ts"] = ts, ["text"] = "After" });
        var history = await _workspace.CallAsync("conversations.history", new() { ["channel"] = "D0REPBEN" });

        Assert.Equal("channel_not_found", byUserId["error"]?.GetValue<string>());
        Assert.Equal("message_not_found", unknownTs["error"]?.GetValue<string>());
        Assert.True(updated["ok"]!.GetValue<bool>());
        Assert.Equal("After", Assert.Single(history["messages"]!.AsArray())!["text"]?.GetValue<string>());
    }

    [Fact]
    public async Task PeopleComeFromTheDemoRosterWithTheirTimeZones()
    {
        var info = await _workspace.CallFormAsync("users.info", new Dictionary<string, string> { ["token"] = _workspace.BotToken, ["user"] = "U0REPDEV" });
        var byEmail = await _workspace.CallAsync("users.lookupByEmail", new() { ["email"] = "maya.okafor@acme.example" });
        var nobody = await _workspace.CallAsync("users.lookupByEmail", new() { ["email"] = "nobody@acme.example" });

        Assert.Equal("Asia/Kolkata", info["user"]?["tz"]?.GetValue<string>());
        Assert.Equal("dev.patel@acme.example", info["user"]?["profile"]?["email"]?.GetValue<string>());
        Assert.Equal("U0MGRMAYA", byEmail["user"]?["id"]?.GetValue<string>());
        Assert.Equal("users_not_found", nobody["error"]?.GetValue<string>());
    }

    [Fact]
    public async Task TheManagersChannelListsMembersInPagesAndKickingRemovesOne()
    {
        var first = await _workspace.CallAsync("conversations.members", new() { ["channel"] = "C0MANAGERS", ["limit"] = 2 });
        var cursor = first["response_metadata"]!["next_cursor"]!.GetValue<string>();
        var second = await _workspace.CallAsync("conversations.members", new() { ["channel"] = "C0MANAGERS", ["limit"] = 2, ["cursor"] = cursor });
        var kicked = await _workspace.CallAsync("conversations.kick", new() { ["channel"] = "C0MANAGERS", ["user"] = "U0MGRLARS" });
        var again = await _workspace.CallAsync("conversations.kick", new() { ["channel"] = "C0MANAGERS", ["user"] = "U0MGRLARS" });
        var self = await _workspace.CallAsync("conversations.kick", new() { ["channel"] = "C0MANAGERS", ["user"] = "U0COACHBOT" });
        var after = await _workspace.CallAsync("conversations.members", new() { ["channel"] = "C0MANAGERS" });

        var all = first["members"]!.AsArray().Concat(second["members"]!.AsArray()).Select(m => m!.GetValue<string>()).ToList();
        Assert.Equal(["U0COACHBOT", "U0MGRLARS", "U0MGRMAYA"], all.Order());
        Assert.Equal("", second["response_metadata"]!["next_cursor"]!.GetValue<string>());
        Assert.True(kicked["ok"]!.GetValue<bool>());
        Assert.Equal("not_in_channel", again["error"]?.GetValue<string>());
        Assert.Equal("cant_kick_self", self["error"]?.GetValue<string>());
        Assert.DoesNotContain("U0MGRLARS", after["members"]!.AsArray().Select(m => m!.GetValue<string>()));
    }

    [Fact]
    public async Task EphemeralMessagesNeedTheUserInTheChannelAndStayOutOfHistory()
    {
        var outsider = await _workspace.CallAsync("chat.postEphemeral", new() { ["channel"] = "C0MANAGERS", ["user"] = "U0REPAVA", ["text"] = "Hi" });
        var member = await _workspace.CallAsync("chat.postEphemeral", new() { ["channel"] = "C0MANAGERS", ["user"] = "U0MGRMAYA", ["text"] = "Hi" });
        var history = await _workspace.CallAsync("conversations.history", new() { ["channel"] = "C0MANAGERS" });

        Assert.Equal("user_not_in_channel", outsider["error"]?.GetValue<string>());
        Assert.False(string.IsNullOrEmpty(member["message_ts"]?.GetValue<string>()));
        Assert.Empty(history["messages"]!.AsArray());
    }

    [Fact]
    public async Task BadContentIsRejectedWithSlacksErrorCodes()
    {
        var empty = await _workspace.CallAsync("chat.postMessage", new() { ["channel"] = "U0REPAVA" });
        var badBlocks = await _workspace.CallAsync("chat.postMessage", new() { ["channel"] = "U0REPAVA", ["blocks"] = new JsonArray("x") });
        var unknownChannel = await _workspace.CallAsync("chat.postMessage", new() { ["channel"] = "C0NOPE", ["text"] = "x" });
        var badView = await _workspace.CallAsync("views.publish", new() { ["user_id"] = "U0REPAVA", ["view"] = new JsonObject { ["type"] = "modal" } });
        var unknownMethod = await _workspace.CallAsync("chat.scheduleMessage", new() { ["channel"] = "U0REPAVA", ["text"] = "x" });

        Assert.Equal("no_text", empty["error"]?.GetValue<string>());
        Assert.Equal("invalid_blocks", badBlocks["error"]?.GetValue<string>());
        Assert.Equal("channel_not_found", unknownChannel["error"]?.GetValue<string>());
        Assert.Equal("invalid_arguments", badView["error"]?.GetValue<string>());
        Assert.Equal("unknown_method", unknownMethod["error"]?.GetValue<string>());
    }

    [Fact]
    public async Task ConversationsOpenGivesTheDmIdForOnePerson()
    {
        var opened = await _workspace.CallFormAsync("conversations.open", new Dictionary<string, string> { ["token"] = _workspace.BotToken, ["users"] = "U0REPEMMA" });
        var unknown = await _workspace.CallAsync("conversations.open", new() { ["users"] = "U0NOBODY" });

        Assert.Equal("D0REPEMMA", opened["channel"]?["id"]?.GetValue<string>());
        Assert.Equal("user_not_found", unknown["error"]?.GetValue<string>());
    }
}
