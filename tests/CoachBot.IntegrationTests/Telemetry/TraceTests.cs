using System.Collections.Concurrent;
using System.Diagnostics;
using CoachBot.Coaching.Chat;
using CoachBot.Coaching.Telemetry;
using CoachBot.IntegrationTests.EndToEnd;
using CoachBot.Jobs.Nudges;
using CoachBot.Platforms.Slack;
using CoachBot.Testing;
using CoachBot.Testing.Slack;
using Hangfire;
using Hangfire.Common;
using Hangfire.Server;
using Hangfire.Storage;
using Microsoft.Extensions.DependencyInjection;

namespace CoachBot.IntegrationTests.Telemetry;

// Spans as a tracing backend would receive them: CoachBot's own, and the HttpClient calls to the fake Slack under them.
[Collection(TelemetryCollection.Name)]
public sealed class TraceTests(PostgresDatabase database) : IClassFixture<PostgresDatabase>
{
    [Fact]
    public async Task ANudgeSendIsASpanNamingItsDeliveryWithThePlatformCallUnderItAndNoMessageText()
    {
        using var spans = new SpanRecorder();
        await using var team = await SlackTeam.StartAsync(database);
        await team.ImportRosterAsync();

        var nudge = await team.NudgeRepAsync();

        await using var query = database.DataSource.CreateCommand("select id from nudge_delivery where status = 'sent'");
        var delivery = (Guid)(await query.ExecuteScalarAsync())!;

        var attempt = Assert.Single(spans.Stopped, s => s.OperationName == "coachbot.delivery.attempt" && s.GetTagItem(CoachBotActivities.DeliveryId) as string == delivery.ToString());
        Assert.Equal("slack", attempt.GetTagItem("coachbot.platform"));
        var calls = spans.Stopped.Where(s => s.Source.Name == "System.Net.Http" && s.ParentSpanId == attempt.SpanId).ToList();
        Assert.Contains(calls, c => (c.GetTagItem("url.full") as string)?.EndsWith("/api/chat.postMessage", StringComparison.Ordinal) == true);
        var text = (string)nudge["text"]!;
        Assert.True(text.Length > 20, "the nudge has words to look for");
        Assert.All(spans.Stopped.Where(s => s.TraceId == attempt.TraceId).SelectMany(s => s.TagObjects), tag =>
            Assert.DoesNotContain(text, tag.Value?.ToString() ?? "", StringComparison.Ordinal));
    }

    [Fact]
    public async Task AReplyThroughASlackResponseUrlIsTracedWithoutTheUrl()
    {
        using var spans = new SpanRecorder();
        await using var team = await SlackTeam.StartAsync(database);
        var responseUrl = team.Slack.NewResponseUrl();

        // How a late command answer or a button's update goes out: the app's own Slack client, over HTTP to the fake.
        await team.App.Services.GetRequiredService<SlackWebClient>().RespondAsync(
            FakeSlackServer.TeamId, responseUrl, CoachMessage.Plain("Done."), inChannel: false, replaceOriginal: true, CancellationToken.None);

        var hook = Assert.Single(team.Slack.CallsTo("response_url")).Hook!;
        var post = Assert.Single(spans.Stopped, s => s.Source.Name == "System.Net.Http" && s.DisplayName == "POST response_url");
        Assert.Equal($"{responseUrl.Scheme}://{responseUrl.Authority}/[redacted]", post.GetTagItem("url.full"));
        Assert.All(spans.Stopped.SelectMany(s => s.TagObjects), tag =>
            Assert.DoesNotContain(hook, tag.Value?.ToString() ?? "", StringComparison.Ordinal));
    }

    [Fact]
    public async Task AHangfireJobRunsInsideASpanNamedForItsClassAndMethod()
    {
        using var spans = new SpanRecorder();
        await using var team = await SlackTeam.StartAsync(database);
        var services = team.App.Services;
        var storage = services.GetRequiredService<JobStorage>();
        var job = Job.FromExpression<DispatchNudgesJob>(j => j.RunAsync(CancellationToken.None));

        // What the app's Hangfire server builds its worker from: the filters and the activator this app registered.
        var performer = new BackgroundJobPerformer(services.GetRequiredService<IJobFilterProvider>(), services.GetRequiredService<JobActivator>(), TaskScheduler.Default);
        using (var connection = storage.GetConnection())
        {
            performer.Perform(new PerformContext(storage, connection, new BackgroundJob("42", job, DateTime.UtcNow), new JobCancellationToken(false)));
        }

        var span = Assert.Single(spans.Stopped, s => s.OperationName == "DispatchNudgesJob.RunAsync" && s.GetTagItem("hangfire.job.id") as string == "42");
        Assert.Equal(ActivityStatusCode.Unset, span.Status);
        // The tick's own SQL nests under the job's span (Npgsql's instrumentation).
        Assert.Contains(spans.Stopped, s => s.Source.Name == "Npgsql" && s.TraceId == span.TraceId);
    }

    private sealed class SpanRecorder : IDisposable
    {
        private readonly ActivityListener _listener;
        private readonly ConcurrentQueue<Activity> _stopped = new();

        public SpanRecorder()
        {
            _listener = new ActivityListener
            {
                ShouldListenTo = source => source.Name is CoachBotActivities.SourceName or "System.Net.Http" or "Npgsql",
                Sample = (ref ActivityCreationOptions<ActivityContext> _) => ActivitySamplingResult.AllDataAndRecorded,
                ActivityStopped = _stopped.Enqueue,
            };
            ActivitySource.AddActivityListener(_listener);
        }

        public IReadOnlyList<Activity> Stopped => [.. _stopped];

        public void Dispose() => _listener.Dispose();
    }
}
