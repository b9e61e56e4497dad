using System.Net;
using System.Text.Json.Nodes;
using CoachBot.Coaching.Chat;
using CoachBot.Testing;
using CoachBot.Testing.Slack;

namespace CoachBot.Bot.Tests.Slack.SocketMode;

/// <summary>
/// Socket Mode end to end: CoachBot opens its socket on the fake Slack (apps.connections.open, a real websocket on
/// loopback), every envelope type is acked and answered as over HTTP, and reconnects (refresh, drop, disable) neither lose
/// nor repeat work. Work after the ack runs through the same recorded rows, driven here as a job server would.
/// </summary>
public sealed class SlackSocketModeTests(PostgresDatabase database) : SlackPipelineTest(database), IClassFixture<PostgresDatabase>
{
    private const string Dm = "D0ANA";
    private const string NudgeTs = "1772442000.000300";

    protected override CoachBotApplication Configure(CoachBotApplication app) => app.WithSlackSocketMode(Slack);

    [Fact]
    public async Task EveryEnvelopeTypeIsAckedAndAnsweredAsOverHttp()
    {
        Inbox.MessageReply = _ => new InboxReply([new CoachMessage("How did the call go?", [
            new SectionBlock("How did the call go?"), new ActionsBlock([new ChatButton("nudge.done", "Done", "d-1")])])]);
        Inbox.ActionReply = _ => new InboxReply([]) { UpdatedSource = CoachMessage.Plain("Rated 4 ✓") };
        var socket = await Slack.WaitForSocketAsync(1);
        var responseUrl = Slack.NewResponseUrl();

        var dm = await socket.SendEnvelopeAsync("events_api", SlackPayloads.EventCallback(SlackPayloads.DirectMessage("U0ANA", "hi")));
        var mention = await socket.SendEnvelopeAsync("events_api", SlackPayloads.EventCallback(
            SlackPayloads.AppMention("U0ANA", SlackApplication.ManagerChannel, $"<@{FakeSlackServer.BotUserId}> ack E-42")));
        var command = await socket.SendEnvelopeAsync("slash_commands", SlackPayloads.SocketCommand("U0ANA", "help", responseUrl), acceptsResponsePayload: true);
        var click = await socket.SendEnvelopeAsync("interactive", SlackPayloads.BlockActions("U0ANA", Dm, NudgeTs, "nudge.rate.4", "d-1:4"));

        var commandAck = await Slack.WaitForAckAsync(command);
        Assert.Equal("Command: help", (string?)commandAck["payload"]?["text"]);
        Assert.Equal("ephemeral", (string?)commandAck["payload"]?["response_type"]);
        foreach (var id in new[] { dm, mention, click })
        {
            Assert.Equal(new JsonObject { ["envelope_id"] = id }.ToJsonString(), (await Slack.WaitForAckAsync(id)).ToJsonString());
        }

        Assert.Equal(3, await App.RunPendingSlackJobsAsync());
        var reply = Assert.Single(Slack.MessagesIn(Dm));
        Assert.Equal("How did the call go?", (string?)reply["text"]);
        Assert.Contains(reply["blocks"]!.AsArray().SelectMany(b => b?["elements"]?.AsArray() ?? []), e => (string?)e?["text"]?["text"] == "Done");
        var managerAnswer = Assert.Single(Slack.CallsTo("chat.postEphemeral"));
        Assert.Equal((SlackApplication.ManagerChannel, "U0ANA"), (managerAnswer.Arg("channel"), managerAnswer.Arg("user")));
        Assert.Equal("Command: ack E-42", managerAnswer.Arg("text"));
        var update = Assert.Single(Slack.CallsTo("chat.update"));
        Assert.Equal((Dm, NudgeTs, "Rated 4 ✓"), (update.Arg("channel"), update.Arg("ts"), update.Arg("text")));
        Assert.Empty(Slack.CallsTo("response_url"));
        Assert.Equal(["help", "ack E-42"], Inbox.Commands.Select(c => c.Text).Order().Reverse());
    }

    [Fact]
    public async Task ARefreshOpensAFreshUrlAndTheOldSocketKeepsWorkingUntilTheNewOneIsUp()
    {
        var first = await Slack.WaitForSocketAsync(1);
        var fetchingNewUrl = Slack.HoldNext("apps.connections.open");

        await first.DisconnectAsync("refresh_requested");
        await fetchingNewUrl.Arrived.WaitAsync(TimeSpan.FromSeconds(60));
        // While the replacement is being set up, Slack may still deliver on the old socket.
        var lateEnvelope = await first.SendEnvelopeAsync("events_api", SlackPayloads.EventCallback(SlackPayloads.DirectMessage("U0ANA", "still there?")));
        await Slack.WaitForAckAsync(lateEnvelope);
        fetchingNewUrl.Release();
        var second = await Slack.WaitForSocketAsync(2);
        await first.Closed.WaitAsync(TimeSpan.FromSeconds(60));
        var onNew = await second.SendEnvelopeAsync("events_api", SlackPayloads.EventCallback(SlackPayloads.DirectMessage("U0ANA", "and now?")));
        await Slack.WaitForAckAsync(onNew);

        Assert.Single(first.Acks, a => (string?)a["envelope_id"] == lateEnvelope);
        Assert.True(first.ClosedByCoachBot, "the replaced socket should be closed by CoachBot, not dropped");
        Assert.Equal(2, Slack.CallsTo("apps.connections.open").Count);
        Assert.All(Slack.CallsTo("apps.connections.open"), call => Assert.Equal($"Bearer {Slack.AppToken}", call.Authorization));
        Assert.Equal(0, Slack.RefusedSocketUrls);
        Assert.Contains(App.Logs.Entries, e => e.EventId.Id == 3252 && e.Message.Contains("refresh_requested", StringComparison.Ordinal));
        Assert.Equal(2, await App.RunPendingSlackJobsAsync());
        Assert.Equal(2, Slack.MessagesIn(Dm).Count);
        Assert.Contains("socket mode: connected", await ReadyzAsync(HttpStatusCode.OK));
    }

    [Fact]
    public async Task EnvelopesResentAfterADroppedConnectionAreAckedAgainButHandledOnce()
    {
        var first = await Slack.WaitForSocketAsync(1);
        var message = SlackPayloads.EventCallback(SlackPayloads.DirectMessage("U0ANA", "hi"));
        var command = SlackPayloads.SocketCommand("U0ANA", "help", Slack.NewResponseUrl());
        var click = SlackPayloads.BlockActions("U0ANA", Dm, NudgeTs, "nudge.done", "d-1");
        var ids = new[]
        {
            await first.SendEnvelopeAsync("events_api", message),
            await first.SendEnvelopeAsync("slash_commands", command, acceptsResponsePayload: true),
            await first.SendEnvelopeAsync("interactive", click),
        };
        foreach (var id in ids)
        {
            await Slack.WaitForAckAsync(id);
        }

        first.Drop();
        var second = await Slack.WaitForSocketAsync(2);
        await second.SendEnvelopeAsync("events_api", message, envelopeId: ids[0], retryAttempt: 1);
        await second.SendEnvelopeAsync("slash_commands", command, acceptsResponsePayload: true, envelopeId: ids[1]);
        await second.SendEnvelopeAsync("interactive", click, envelopeId: ids[2]);
        var resentCommandAck = await Slack.WaitForAckAsync(ids[1], count: 2);
        await Slack.WaitForAckAsync(ids[0], count: 2);
        await Slack.WaitForAckAsync(ids[2], count: 2);
        await App.RunPendingSlackJobsAsync();

        Assert.Null(resentCommandAck["payload"]);
        Assert.Single(Inbox.Messages);
        Assert.Single(Inbox.Commands);
        Assert.Single(Inbox.Actions);
        Assert.Equal("Got it.", (string?)Assert.Single(Slack.MessagesIn(Dm))["text"]);
        Assert.Contains(App.Logs.Entries, e => e.EventId.Id == 3252 && e.Message.Contains("connection", StringComparison.Ordinal));
    }

    [Fact]
    public async Task AnEventRetriedToAnotherInstanceIsHandledOnce()
    {
        await using var other = new CoachBotApplication(Database).WithSlack(Slack, Inbox).WithSlackSocketMode(Slack);
        using var otherClient = other.CreateClient();
        var mine = await Slack.WaitForSocketAsync(1);
        var theirs = await Slack.WaitForSocketAsync(2);
        var message = SlackPayloads.EventCallback(SlackPayloads.DirectMessage("U0ANA", "hi"));

        var id = await mine.SendEnvelopeAsync("events_api", message);
        await Slack.WaitForAckAsync(id);
        await theirs.SendEnvelopeAsync("events_api", message, envelopeId: id, retryAttempt: 1);
        await Slack.WaitForAckAsync(id, count: 2);
        await App.RunPendingSlackJobsAsync();
        await other.RunPendingSlackJobsAsync();

        Assert.Single(Inbox.Messages);
        Assert.Single(Slack.MessagesIn(Dm));
        Assert.Single(mine.Acks);
        Assert.Single(theirs.Acks);
    }

    [Fact]
    public async Task ADisabledLinkStopsReconnectingWithOneLineAndReadyzSaysWhy()
    {
        // The health check service logs an unhealthy check as an error: that is the point of stopping loudly.
        App.ExpectErrors("the test disables Socket Mode", e => e.EventId.Id == 3253 || e.Message.Contains("slack-socket-mode with status Unhealthy", StringComparison.Ordinal));
        var socket = await Slack.WaitForSocketAsync(1);

        await socket.DisconnectAsync("link_disabled");
        await WaitForReadyzAsync("stopped");
        var readyz = await ReadyzAsync(HttpStatusCode.ServiceUnavailable);

        Assert.Contains("socket mode: stopped (link_disabled)", readyz);
        Assert.Single(App.Logs.Entries, e => e.EventId.Id == 3253 && e.Message.Contains("link_disabled", StringComparison.Ordinal));
        Assert.Single(Slack.CallsTo("apps.connections.open"));
        Assert.Single(Slack.Sockets);
    }

    [Fact]
    public async Task ASlowCommandIsAckedWithWorkingOnItAndAnsweredThroughItsResponseUrl()
    {
        Inbox.CommandDelay = TimeSpan.FromSeconds(3);
        var socket = await Slack.WaitForSocketAsync(1);
        var responseUrl = Slack.NewResponseUrl();

        var id = await socket.SendEnvelopeAsync("slash_commands", SlackPayloads.SocketCommand("U0ANA", "stats", responseUrl), acceptsResponsePayload: true);
        var ack = await Slack.WaitForAckAsync(id);
        var late = Assert.Single(await Slack.WaitForCallsAsync("response_url"));

        Assert.Equal("Working on it…", (string?)ack["payload"]?["text"]);
        Assert.Equal(("Command: stats", "true"), (late.Arg("text"), late.Arg("replace_original")));
        Assert.Equal(responseUrl.Segments[^1], late.Hook);
    }

    [Fact]
    public async Task ARefusedAppTokenStopsWithOneLine()
    {
        App.ExpectErrors("the test revokes the app token", e => e.EventId.Id == 3253 || e.Message.Contains("slack-socket-mode with status Unhealthy", StringComparison.Ordinal));
        var socket = await Slack.WaitForSocketAsync(1);
        Slack.FailNext("apps.connections.open", "invalid_auth");

        socket.Drop();
        var readyz = await WaitForReadyzAsync("stopped");

        Assert.Contains("socket mode: stopped (apps.connections.open answered invalid_auth)", readyz);
        Assert.Single(App.Logs.Entries, e => e.EventId.Id == 3253);
        Assert.Equal(2, Slack.CallsTo("apps.connections.open").Count);
    }

    private async Task<string> ReadyzAsync(HttpStatusCode expected)
    {
        using var http = App.CreateClient();
        using var response = await http.GetAsync("/readyz");
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(expected == response.StatusCode, $"/readyz answered {response.StatusCode}: {body}");
        return body;
    }

    private async Task<string> WaitForReadyzAsync(string contains)
    {
        using var http = App.CreateClient();
        var body = "";
        for (var i = 0; i < 600 && !body.Contains(contains, StringComparison.Ordinal); i++)
        {
            await Task.Delay(50);
            body = await (await http.GetAsync("/readyz")).Content.ReadAsStringAsync();
        }

        return body;
    }
}
