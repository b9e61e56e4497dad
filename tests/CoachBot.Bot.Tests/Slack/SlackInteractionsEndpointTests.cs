using System.Net;
using CoachBot.Coaching.Chat;
using CoachBot.Coaching.Nudges;
using CoachBot.Platforms.Slack;
using CoachBot.Testing;
using CoachBot.Testing.Slack;

namespace CoachBot.Bot.Tests.Slack;

public sealed class SlackInteractionsEndpointTests(PostgresDatabase database) : SlackPipelineTest(database), IClassFixture<PostgresDatabase>
{
    private const string Dm = "D0ANA";
    private const string NudgeTs = "1772442000.000300";

    [Fact]
    public async Task AButtonPressReachesTheCoreWithItsNeutralIdAndUpdatesTheMessageInPlace()
    {
        Inbox.ActionReply = _ => new InboxReply([]) { UpdatedSource = CoachMessage.Plain("Rated 4 ✓") };

        var response = await Client.PostInteractionAsync(SlackPayloads.BlockActions("U0ANA", Dm, NudgeTs, SlackActionId.Numbered(NudgeActions.Rate, 4), "d-1:4"));
        await App.RunPendingSlackJobsAsync();

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var action = Assert.Single(Inbox.Actions);
        Assert.Equal((NudgeActions.Rate, "d-1:4"), (action.ActionId, action.Value));
        Assert.Equal(new SentMessage(new ChatAddress(ChatPlatform.Slack, SlackPayloads.Team, Dm), NudgeTs), action.Source);
        var update = Assert.Single(Slack.CallsTo("chat.update"));
        Assert.Equal((Dm, NudgeTs, "Rated 4 ✓"), (update.Arg("channel"), update.Arg("ts"), update.Arg("text")));
    }

    [Fact]
    public async Task ARedeliveredClickIsHandledOnce()
    {
        var click = SlackPayloads.BlockActions("U0ANA", Dm, NudgeTs, NudgeActions.Done, "d-1", actionTs: "1772442001.000001");

        await Client.PostInteractionAsync(click);
        var again = await Client.PostInteractionAsync(click);
        await App.RunPendingSlackJobsAsync();

        Assert.Equal(HttpStatusCode.OK, again.StatusCode);
        Assert.Single(Inbox.Actions);
    }

    [Fact]
    public async Task APrivateAnswerInAChannelIsEphemeral()
    {
        Inbox.ActionReply = _ => InboxReply.Say("Only you can see this");

        await Client.PostInteractionAsync(SlackPayloads.BlockActions("U0ANA", SlackApplication.ManagerChannel, NudgeTs, "escalation.ack", "E-42"));
        await App.RunPendingSlackJobsAsync();

        var reply = Assert.Single(Slack.CallsTo("chat.postEphemeral"));
        Assert.Equal(("U0ANA", SlackApplication.ManagerChannel), (reply.Arg("user"), reply.Arg("channel")));
        Assert.Empty(Slack.CallsTo("chat.postMessage"));
    }

    [Fact]
    public async Task AConfirmationWhoseMessageCannotBeUpdatedIsPostedInstead()
    {
        Inbox.ActionReply = _ => new InboxReply([CoachMessage.Plain("Anything else?")]) { UpdatedSource = CoachMessage.Plain("Okay, nothing was shared. It stays between us.") };
        Slack.FailNext("chat.update", "message_not_found");

        await Client.PostInteractionAsync(SlackPayloads.BlockActions("U0ANA", Dm, NudgeTs, "share.no", "d-1:need_help"));
        await App.RunPendingSlackJobsAsync();

        var posted = Slack.CallsTo("chat.postMessage");
        Assert.Equal(
            [(Dm, "Okay, nothing was shared. It stays between us."), (Dm, "Anything else?")],
            posted.Select(p => (p.Arg("channel"), p.Arg("text"))));
    }

    [Fact]
    public async Task APermanentSlackErrorEndsTheJobWithoutRetrying()
    {
        Inbox.ActionReply = _ => new InboxReply([]) { UpdatedSource = CoachMessage.Plain("Done ✓") };
        Slack.FailNext("chat.update", "message_not_found");
        Slack.FailNext("chat.postMessage", "message_not_found");

        await Client.PostInteractionAsync(SlackPayloads.BlockActions("U0ANA", Dm, NudgeTs, NudgeActions.Done, "d-1"));
        await App.RunPendingSlackJobsAsync();

        Assert.Equal(1, await CountAsync("select count(*) from slack_inbound where outcome = 'slack:message_not_found'"));
    }

    [Theory]
    [InlineData("view_submission")]
    [InlineData("shortcut")]
    public async Task OtherInteractionTypesAreAnsweredAndIgnored(string type)
    {
        var response = await Client.PostInteractionAsync(new() { ["type"] = type, ["user"] = new System.Text.Json.Nodes.JsonObject { ["id"] = "U0ANA" } });

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(0, await CountAsync("select count(*) from slack_inbound"));
    }
}
