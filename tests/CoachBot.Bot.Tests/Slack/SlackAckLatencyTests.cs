using System.Diagnostics;
using System.Net;
using CoachBot.Testing;
using CoachBot.Testing.Slack;
using Xunit.Abstractions;

namespace CoachBot.Bot.Tests.Slack;

// A measurement, not a timed assertion: it prints ack latencies (verify + dedupe + record + enqueue) for the report.
public sealed class SlackAckLatencyTests(PostgresDatabase database, ITestOutputHelper output) : SlackPipelineTest(database), IClassFixture<PostgresDatabase>
{
    private const int Rounds = 200;

    [Fact]
    public async Task MeasuresAckLatencyOfEventsCommandsAndInteractions()
    {
        await Client.PostEventAsync(SlackPayloads.EventCallback(SlackPayloads.DirectMessage("U0ANA", "warm-up")));

        var events = await MeasureAsync(() => Client.PostEventAsync(SlackPayloads.EventCallback(SlackPayloads.DirectMessage("U0ANA", "hello"))));
        var commands = await MeasureAsync(() => Client.PostCommandAsync(SlackPayloads.Command("U0ANA", "help", Slack.NewResponseUrl())));
        var actions = await MeasureAsync(() => Client.PostInteractionAsync(SlackPayloads.BlockActions("U0ANA", "D0ANA", "1.2", "nudge.done", "d-1")));

        output.WriteLine($"events:       {events}");
        output.WriteLine($"commands:     {commands}");
        output.WriteLine($"interactions: {actions}");
        Console.WriteLine($"Slack ack latency over {Rounds} requests each — events {events}; commands {commands}; interactions {actions}");
        Assert.Equal(Rounds + 1, await CountAsync("select count(*) from slack_inbound where kind = 'event'"));
    }

    private static async Task<string> MeasureAsync(Func<Task<HttpResponseMessage>> send)
    {
        var samples = new List<double>(Rounds);
        for (var i = 0; i < Rounds; i++)
        {
            var clock = Stopwatch.StartNew();
            using var response = await send();
            samples.Add(clock.Elapsed.TotalMilliseconds);
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        }

        samples.Sort();
        return $"p50 {samples[Rounds / 2]:F1} ms, p95 {samples[Rounds * 95 / 100]:F1} ms, max {samples[^1]:F1} ms";
    }
}
