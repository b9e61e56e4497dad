using System.Net;
using CoachBot.Testing;
using CoachBot.Testing.Slack;

namespace CoachBot.Bot.Tests.Slack;

public sealed class SlackDurabilityTests(PostgresDatabase database) : SlackPipelineTest(database), IClassFixture<PostgresDatabase>
{
    [Fact]
    public async Task AnEventAcknowledgedBeforeARestartIsStillHandledAfterIt()
    {
        var response = await Client.PostEventAsync(SlackPayloads.EventCallback(SlackPayloads.DirectMessage("U0ANA", "before the restart")));
        await App.DisposeAsync();

        await using var restarted = new CoachBotApplication(Database).WithSlack(Slack, Inbox);
        using var _ = restarted.CreateClient();
        var ran = await restarted.RunPendingSlackJobsAsync();

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(1, ran);
        Assert.Equal("before the restart", Assert.Single(Inbox.Messages).Text);
    }

    [Fact]
    public async Task AHangfireWorkerAnswersAfterTheAck()
    {
        await using var withWorker = new CoachBotApplication(Database).WithSlack(Slack, Inbox)
            .WithSetting("Jobs:RunServer", "true")
            .WithSetting("Jobs:WorkerCount", "2")
            .WithSetting("Jobs:QueuePollInterval", "00:00:01");
        using var client = withWorker.CreateSignedSlackClient();

        var response = await client.PostEventAsync(SlackPayloads.EventCallback(SlackPayloads.DirectMessage("U0ANA", "via the worker")));
        var replies = await Slack.WaitForCallsAsync("chat.postMessage");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("Got it.", Assert.Single(replies).Arg("text"));
    }
}
