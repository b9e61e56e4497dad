using Microsoft.Extensions.DependencyInjection;
using System.Net;
using CoachBot.Coaching.Chat;
using CoachBot.Testing;
using CoachBot.Testing.Slack;

namespace CoachBot.Bot.Tests.Slack;

public sealed class SlackEventsEndpointTests(PostgresDatabase database) : SlackPipelineTest(database), IClassFixture<PostgresDatabase>
{
    [Fact]
    public async Task AnswersUrlVerificationWithTheChallenge()
    {
        var response = await Client.PostEventAsync(new() { ["type"] = "url_verification", ["token"] = "x", ["challenge"] = "abc123" });

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("abc123", await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task ADirectMessageReachesTheCoreAfterTheAckAndTheReplyGoesBackToTheDm()
    {
        var response = await Client.PostEventAsync(SlackPayloads.EventCallback(SlackPayloads.DirectMessage("U0ANA", "I booked two meetings")));
        // The ack is answered with the handling still queued: nothing has reached the core or Slack yet.
        Assert.Empty(Inbox.Messages);
        Assert.Empty(Slack.CallsTo("chat.postMessage"));
        Assert.Equal(1, await PendingInboundAsync());
        var ran = await App.RunPendingSlackJobsAsync();

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(1, ran);
        var message = Assert.Single(Inbox.Messages);
        Assert.Equal("I booked two meetings", message.Text);
        Assert.Equal(new Sender(new PersonKey(ChatPlatform.Slack, SlackPayloads.Team, "U0ANA"), "Ana Silva", "ana@example.com", "Europe/Lisbon", "en-GB"), message.From);
        var reply = Assert.Single(Slack.CallsTo("chat.postMessage"));
        Assert.Equal((FakeSlackServer.DirectChannel("U0ANA"), "Got it."), (reply.Arg("channel"), reply.Arg("text")));
        Assert.Equal(0, await PendingInboundAsync());
        Assert.Equal(1, await CountAsync("select count(*) from slack_inbound where payload is null and outcome = 'message'"));
    }

    [Fact]
    public async Task ARetriedEventIsAnsweredButProcessedOnce()
    {
        var envelope = SlackPayloads.EventCallback(SlackPayloads.DirectMessage("U0ANA", "hello"));

        var first = await Client.PostEventAsync(envelope);
        var retry = await Client.PostEventAsync(envelope, retryNum: 1);
        var replay = await Client.PostEventAsync(envelope);
        await App.RunPendingSlackJobsAsync();

        Assert.All([first, retry, replay], r => Assert.Equal(HttpStatusCode.OK, r.StatusCode));
        Assert.Single(Inbox.Messages);
        Assert.Equal(1, await CountAsync("select count(*) from slack_inbound"));
    }

    [Fact]
    public async Task RunningTheSameJobTwiceDoesTheWorkOnce()
    {
        await Client.PostEventAsync(SlackPayloads.EventCallback(SlackPayloads.DirectMessage("U0ANA", "hello")));
        var id = await CountAsync("select max(id) from slack_inbound");

        using (var scope = App.Services.CreateScope())
        {
            var job = scope.ServiceProvider.GetRequiredService<CoachBot.Bot.Slack.SlackInboundJob>();
            await job.RunAsync(id, CancellationToken.None);
            await job.RunAsync(id, CancellationToken.None);
        }

        Assert.Single(Inbox.Messages);
        Assert.Single(Slack.CallsTo("chat.postMessage"));
    }

    public static TheoryData<string, string> IgnoredMessages => new()
    {
        { """{"type":"message","channel_type":"im","user":"U0ANA","channel":"DANA","text":"x","bot_id":"B0OTHER"}""", "another bot" },
        { """{"type":"message","channel_type":"im","user":"U0ANA","channel":"DANA","text":"x","subtype":"message_changed"}""", "an edit" },
        { """{"type":"message","channel_type":"channel","user":"U0ANA","channel":"C1","text":"x"}""", "a channel message" },
        { """{"type":"reaction_added","user":"U0ANA"}""", "an unhandled event" },
    };

    [Theory]
    [MemberData(nameof(IgnoredMessages))]
    public async Task IgnoresBotsSubtypesAndEventsItDoesNotHandle(string inner, string because)
    {
        var response = await Client.PostEventAsync(SlackPayloads.EventCallback(System.Text.Json.Nodes.JsonNode.Parse(inner)!.AsObject()));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.True(await CountAsync("select count(*) from slack_inbound") == 0, because);
    }

    [Fact]
    public async Task IgnoresItsOwnMessagesOnceItKnowsWhoItIs()
    {
        await Client.PostEventAsync(SlackPayloads.EventCallback(SlackPayloads.AppMention(FakeSlackServer.BotUserId, "C1", "hi")));

        Assert.Equal(0, await CountAsync("select count(*) from slack_inbound"));
    }

    [Fact]
    public async Task AMentionInTheManagersChannelIsACommandWithoutTheMention()
    {
        await Client.PostEventAsync(SlackPayloads.EventCallback(SlackPayloads.AppMention("U0ANA", SlackApplication.ManagerChannel, $"<@{FakeSlackServer.BotUserId}> ack E-42")));
        await App.RunPendingSlackJobsAsync();

        var command = Assert.Single(Inbox.Commands);
        Assert.Equal("ack E-42", command.Text);
        Assert.Equal(SlackApplication.ManagerChannel, command.Conversation.ConversationId);
        Assert.Empty(Inbox.Messages);
        var reply = Assert.Single(Slack.CallsTo("chat.postEphemeral"));
        Assert.Equal(("U0ANA", SlackApplication.ManagerChannel), (reply.Arg("user"), reply.Arg("channel")));
    }

    [Fact]
    public async Task AMentionElsewhereIsConversation()
    {
        Inbox.MessageReply = _ => InboxReply.Say("Replying in the thread", ReplyVisibility.InConversation);

        await Client.PostEventAsync(SlackPayloads.EventCallback(SlackPayloads.AppMention("U0ANA", "C0GENERAL", $"<@{FakeSlackServer.BotUserId}> how am I doing?")));
        await App.RunPendingSlackJobsAsync();

        Assert.Equal("how am I doing?", Assert.Single(Inbox.Messages).Text);
        var reply = Assert.Single(Slack.CallsTo("chat.postMessage"));
        Assert.Equal(("C0GENERAL", "1772442000.000200"), (reply.Arg("channel"), reply.Arg("thread_ts")));
    }

    [Fact]
    public async Task OpeningTheHomeTabPublishesThePersonsHome()
    {
        Inbox.Home = s => new CoachMessage("home", [new HeaderBlock("Your coaching"), new SectionBlock($"Hi {s.DisplayName}")]);

        await Client.PostEventAsync(SlackPayloads.EventCallback(SlackPayloads.HomeOpened("U0ANA")));
        await App.RunPendingSlackJobsAsync();

        var publish = Assert.Single(Slack.CallsTo("views.publish"));
        Assert.Equal("U0ANA", publish.Arg("user_id"));
        Assert.Equal("home", (string)publish.Args["view"]!["type"]!);
        Assert.Equal("Hi Ana Silva", (string)publish.Args["view"]!["blocks"]![1]!["text"]!["text"]!);
    }

    [Fact]
    public async Task OpeningTheMessagesTabStartsTheConversation()
    {
        await Client.PostEventAsync(SlackPayloads.EventCallback(SlackPayloads.HomeOpened("U0ANA", tab: "messages")));
        await App.RunPendingSlackJobsAsync();

        Assert.Equal("U0ANA", Assert.Single(Inbox.Started).Key.UserId);
        Assert.Empty(Slack.CallsTo("views.publish"));
    }

    [Fact]
    public async Task AMemberJoiningAChannelReachesTheGuard()
    {
        await Client.PostEventAsync(SlackPayloads.EventCallback(SlackPayloads.MemberJoined("U0STRANGER", SlackApplication.ManagerChannel)));
        await App.RunPendingSlackJobsAsync();

        var joined = Assert.Single(Inbox.Joins);
        Assert.Equal(("U0STRANGER", SlackApplication.ManagerChannel), (joined.Member.UserId, joined.Channel.ConversationId));
    }

    [Fact]
    public async Task AnIntruderTheGuardRejectsIsRemovedFromTheChannel()
    {
        Inbox.RemoveJoiningMembers = true;

        await Client.PostEventAsync(SlackPayloads.EventCallback(SlackPayloads.MemberJoined("U0STRANGER", SlackApplication.ManagerChannel)));
        await App.RunPendingSlackJobsAsync();

        var kick = Assert.Single(Slack.CallsTo("conversations.kick"));
        Assert.Equal(("U0STRANGER", SlackApplication.ManagerChannel), (kick.Arg("user"), kick.Arg("channel")));
    }

    [Fact]
    public async Task WithoutTheKickScopeTheIntruderIsOnlyFlagged()
    {
        Inbox.RemoveJoiningMembers = true;
        Slack.FailNext("conversations.kick", "missing_scope");

        await Client.PostEventAsync(SlackPayloads.EventCallback(SlackPayloads.MemberJoined("U0STRANGER", SlackApplication.ManagerChannel)));
        await App.RunPendingSlackJobsAsync();

        Assert.Single(Inbox.Joins);
        Assert.Single(Slack.CallsTo("conversations.kick"));
    }

    [Theory]
    [InlineData("""{"type":"app_uninstalled"}""")]
    [InlineData("""{"type":"tokens_revoked","tokens":{"oauth":[],"bot":["U0COACHBOT"]}}""")]
    public async Task UninstallOrRevokedBotTokenDisablesTheWorkspaceKeepingItsData(string inner)
    {
        var response = await Client.PostEventAsync(SlackPayloads.EventCallback(System.Text.Json.Nodes.JsonNode.Parse(inner)!.AsObject()));
        var health = await Client.Http.GetStringAsync("/readyz");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(1, await CountAsync("select count(*) from workspace where platform = 'slack' and external_id = $1 and disabled_at is not null", SlackPayloads.Team));
        Assert.Contains($"workspace {SlackPayloads.Team} disabled", health);
    }
}
