using CoachBot.Bot.Slack;
using CoachBot.Testing;
using CoachBot.Testing.Slack;
using Microsoft.Extensions.DependencyInjection;

namespace CoachBot.Bot.Tests.Slack;

public sealed class SlackInboundSweepTests(PostgresDatabase database) : SlackPipelineTest(database), IClassFixture<PostgresDatabase>
{
    [Fact]
    public async Task AStrandedRequestIsPickedUpAgainAndOldDedupeKeysAreForgotten()
    {
        await Client.PostEventAsync(SlackPayloads.EventCallback(SlackPayloads.DirectMessage("U0ANA", "stranded"), eventId: "EvOLD"));
        await using (var age = Database.DataSource.CreateCommand(
            "update slack_inbound set received_at = now() - interval '10 minutes'; update processed_event set received_at = now() - interval '2 days'"))
        {
            await age.ExecuteNonQueryAsync();
        }

        var enqueued = await CountAsync("select count(*) from hangfire.job where invocationdata::text like '%SlackInboundJob%'");
        using (var scope = App.Services.CreateScope())
        {
            await scope.ServiceProvider.GetRequiredService<SlackInboundSweepJob>().RunAsync(CancellationToken.None);
        }

        Assert.Equal(enqueued + 1, await CountAsync("select count(*) from hangfire.job where invocationdata::text like '%SlackInboundJob%'"));
        Assert.Equal(0, await CountAsync("select count(*) from processed_event where event_id = 'EvOLD'"));
        Assert.Equal(1, await PendingInboundAsync());
    }

    [Fact]
    public async Task ARequestWhoseRunDiedHoldingItsClaimIsPickedUpOnceTheClaimIsStaleAndHandledOnce()
    {
        // The database went away mid-run: the claim could not be released, and the job's retries may be spent.
        await Client.PostEventAsync(SlackPayloads.EventCallback(SlackPayloads.DirectMessage("U0ANA", "claimed before the outage")));
        await using (var age = Database.DataSource.CreateCommand(
            "update slack_inbound set received_at = now() - interval '20 minutes', claimed_at = now() - interval '10 minutes'"))
        {
            await age.ExecuteNonQueryAsync();
        }

        var enqueued = await CountAsync("select count(*) from hangfire.job where invocationdata::text like '%SlackInboundJob%'");
        using (var scope = App.Services.CreateScope())
        {
            await scope.ServiceProvider.GetRequiredService<SlackInboundSweepJob>().RunAsync(CancellationToken.None);
        }

        Assert.Equal(enqueued + 1, await CountAsync("select count(*) from hangfire.job where invocationdata::text like '%SlackInboundJob%'"));
        await App.RunPendingSlackJobsAsync();
        Assert.Equal("claimed before the outage", Assert.Single(Inbox.Messages).Text);
        Assert.Equal(0, await PendingInboundAsync());
    }
}
