using CoachBot.Coaching.Escalations;
using CoachBot.Coaching.Telemetry;
using CoachBot.IntegrationTests.EndToEnd;
using CoachBot.Testing;
using CoachBot.Testing.Telemetry;
using Microsoft.Extensions.DependencyInjection;

namespace CoachBot.IntegrationTests.Telemetry;

// The CoachBot meter read by a MeterListener while real things happen: a nudge through the fake Slack, an escalation
// raised and acknowledged with the card's button, and a 429 with Retry-After from the fake Slack.
[Collection(TelemetryCollection.Name)]
public sealed class CoachBotMetricsTests(PostgresDatabase database) : IClassFixture<PostgresDatabase>
{
    [Fact]
    public async Task ASentNudgeAnAcknowledgedEscalationAndA429AreEachCountedOnce()
    {
        await using var team = await SlackTeam.StartAsync(database);
        using var recorder = new MetricRecorder(team.App.Services.GetRequiredService<CoachBotMetrics>().Meter);
        await team.ImportRosterAsync();

        var nudge = await team.NudgeRepAsync();

        Assert.Equal(1, recorder.Sum("coachbot.nudges", ("state", "sent"), ("platform", "slack")));
        Assert.Equal(0, recorder.Sum("coachbot.nudges", ("state", "failed")));
        Assert.Single(recorder.Values("coachbot.dispatcher.tick.duration"));
        // The tick left the new delivery due (its send job had not run yet); the gauge reads what the last tick saw.
        Assert.Equal(1, recorder.Values("coachbot.dispatcher.due_backlog").Last());
        Assert.NotEmpty(recorder.Values("coachbot.ack.duration", ("endpoint", "/slack/commands")));
        Assert.NotEmpty(recorder.Values("coachbot.ack.duration", ("endpoint", "/slack/events")));

        // Need help → share: opened. Twenty-five minutes later the manager presses Acknowledge on the card.
        await team.NeedHelpAndShareAsync(nudge);
        Assert.Equal(1, recorder.Sum("coachbot.escalations", ("state", "opened")));
        team.App.Clock.Advance(TimeSpan.FromMinutes(25));
        await team.PressAsync(SlackTeam.Manager, SlackTeam.Channel, team.LastWithButton(SlackTeam.Channel, EscalationActions.Acknowledge), EscalationActions.Acknowledge);

        Assert.Equal(1, recorder.Sum("coachbot.escalations", ("state", "acknowledged")));
        Assert.Equal([1500.0], recorder.Values("coachbot.escalation.time_to_ack"));
        Assert.NotEmpty(recorder.Values("coachbot.ack.duration", ("endpoint", "/slack/interactions")));

        // The next day's nudge meets a 429 with Retry-After: 7 — one rate limit on the workspace's post key, one retry.
        team.App.Clock.Advance(TimeSpan.FromDays(1));
        team.Slack.RateLimitNext("chat.postMessage", retryAfterSeconds: 7);
        await team.NudgeRepAsync();

        var limited = Assert.Single(recorder.Values("coachbot.platform.rate_limited"));
        Assert.Equal(1, limited);
        Assert.Equal([7.0], recorder.Values("coachbot.platform.retry_after"));
        Assert.Equal(1, recorder.Sum("coachbot.nudges", ("state", "retry"), ("platform", "slack")));
        Assert.Equal(1, recorder.Sum("coachbot.nudges", ("state", "sent")));
    }
}
