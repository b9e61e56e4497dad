using System.Net;
using System.Text.Json.Nodes;
using CoachBot.Bot.Slack;
using CoachBot.Coaching.Chat;
using CoachBot.Testing;
using CoachBot.Testing.Slack;
using Microsoft.Extensions.DependencyInjection;

namespace CoachBot.Bot.Tests.Slack;

public sealed class SlackCommandsEndpointTests(PostgresDatabase database) : SlackPipelineTest(database), IClassFixture<PostgresDatabase>
{
    [Fact]
    public async Task AnswersCoachEphemerallyInTheResponse()
    {
        var response = await Client.PostCommandAsync(SlackPayloads.Command("U0ANA", "  schedule ", Slack.NewResponseUrl()));
        var body = JsonNode.Parse(await response.Content.ReadAsStringAsync())!;

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("ephemeral", (string)body["response_type"]!);
        Assert.Equal("Command: schedule", (string)body["text"]!);
        var command = Assert.Single(Inbox.Commands);
        Assert.Equal(("schedule", "U0ANA", "C0GENERAL"), (command.Text, command.From.Key.UserId, command.Conversation.ConversationId));
    }

    [Fact]
    public async Task AnswerForTheWholeChannelWhenTheCoreSaysSo()
    {
        Inbox.CommandReply = _ => InboxReply.Say("Team brief posted", ReplyVisibility.InConversation);

        var response = await Client.PostCommandAsync(SlackPayloads.Command("U0ANA", "brief", Slack.NewResponseUrl()));

        Assert.Equal("in_channel", (string)JsonNode.Parse(await response.Content.ReadAsStringAsync())!["response_type"]!);
    }

    [Fact]
    public async Task UserTextEchoedBackCannotPingTheChannel()
    {
        Inbox.CommandReply = c => new InboxReply([new CoachMessage("You said", [new QuoteBlock(c.Text)])]);

        var response = await Client.PostCommandAsync(SlackPayloads.Command("U0ANA", "<!channel> look", Slack.NewResponseUrl()));

        var text = (string)JsonNode.Parse(await response.Content.ReadAsStringAsync())!["blocks"]![0]!["text"]!["text"]!;
        Assert.Equal("> &lt;!channel&gt; look", text);
    }

    [Fact]
    public async Task AnswersSslCheckWithAnEmpty200()
    {
        var response = await Client.PostCommandAsync([new("ssl_check", "1"), new("token", "legacy")]);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Empty(Inbox.Commands);
    }

    [Fact]
    public async Task ASlowAnswerIsAcknowledgedAndFinishedThroughTheResponseUrl()
    {
        Inbox.CommandDelay = SlackCommandsEndpoint.Budget + TimeSpan.FromSeconds(1);
        var responseUrl = Slack.NewResponseUrl();

        var response = await Client.PostCommandAsync(SlackPayloads.Command("U0ANA", "report", responseUrl));
        Assert.Equal(SlackCommandsEndpoint.WorkingOnIt, (string)JsonNode.Parse(await response.Content.ReadAsStringAsync())!["text"]!);
        await App.Services.GetRequiredService<SlackCommandRunner>().StopAsync(CancellationToken.None);

        // The same run finished it: no job runs the command a second time.
        Assert.Equal(0, await App.RunPendingSlackJobsAsync());
        Assert.Single(Inbox.Commands);
        var later = Assert.Single(Slack.CallsTo("response_url"));
        Assert.Equal(("Command: report", "true", "ephemeral"), (later.Arg("text"), later.Arg("replace_original"), later.Arg("response_type")));
    }

    [Fact]
    public async Task AReplayedCommandRunsOnce()
    {
        var form = SlackPayloads.Command("U0ANA", "done", Slack.NewResponseUrl(), triggerId: "trigger-1");

        await Client.PostCommandAsync(form);
        var replay = await Client.PostCommandAsync(form);

        Assert.Equal(HttpStatusCode.OK, replay.StatusCode);
        Assert.Single(Inbox.Commands);
    }

    [Fact]
    public async Task AFailingCoreStillAnswersWithAHelpfulMessage()
    {
        Inbox.CommandReply = _ => throw new InvalidOperationException("boom");
        App.ExpectErrors("the core is made to throw", e => e.Exception?.Message == "boom");

        var response = await Client.PostCommandAsync(SlackPayloads.Command("U0ANA", "x", Slack.NewResponseUrl()));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("/coach help", (string)JsonNode.Parse(await response.Content.ReadAsStringAsync())!["text"]!);
    }
}
