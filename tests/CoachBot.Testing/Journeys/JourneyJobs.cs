using System.Reflection;
using Hangfire;
using Hangfire.Common;
using Hangfire.States;
using Hangfire.Storage;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;

namespace CoachBot.Testing.Journeys;

/// <summary>
/// Runs CoachBot's Hangfire jobs the way a server would, but on the app's fake clock, deterministically: the jobs
/// enqueued so far (send batches) and Slack's recorded after-the-ack work, the scheduled ones that are due (escalation deadlines)
/// and the recurring ones (dispatcher, follow-ups, missed nudges, briefs, repair) as their cron comes round.
/// The jobs come from the app's own job storage, so whatever the app registers is what runs.
/// </summary>
public sealed class JourneyJobs(CoachBotApplication app)
{
    private DateTimeOffset _lastTick = app.Clock.GetUtcNow().AddMinutes(-1);

    public int Performed { get; private set; }

    private JobStorage Storage => app.Services.GetRequiredService<JobStorage>();

    /// <summary>Runs the recurring jobs that came due since the last tick, then every enqueued and due scheduled job until none is left.</summary>
    public async Task TickAsync()
    {
        var now = app.Clock.GetUtcNow();
        using (var connection = Storage.GetConnection())
        {
            foreach (var recurring in connection.GetRecurringJobs())
            {
                if (recurring.Job is { } job && recurring.Cron is { } cron && JourneyCron.FiresBetween(cron, _lastTick, now))
                {
                    await PerformAsync(job, $"recurring {recurring.Id}");
                }
            }
        }

        _lastTick = now;
        await DrainAsync();
    }

    /// <summary>Runs enqueued jobs and scheduled ones due by the clock, repeatedly, since jobs enqueue jobs.</summary>
    public async Task DrainAsync()
    {
        var client = app.Services.GetRequiredService<IBackgroundJobClient>();
        var last = new List<string>();
        for (var round = 0; round < 50; round++)
        {
            var monitoring = Storage.GetMonitoringApi();
            var ready = new List<(string Id, Job Job, string State)>();
            foreach (var queue in Jobs.Hosting.JobQueues.All)
            {
                ready.AddRange(monitoring.EnqueuedJobs(queue, 0, 1000)
                    .Where(j => j.Value is { InEnqueuedState: true, Job: not null })
                    .Select(j => (j.Key, j.Value.Job, EnqueuedState.StateName)));
            }

            // The PostgreSQL monitoring API lists a queue's rows whatever became of their jobs: keep those still waiting.
            using (var connection = Storage.GetConnection())
            {
                ready.RemoveAll(r => connection.GetJobData(r.Id)?.State != EnqueuedState.StateName);
            }

            var now = app.Clock.GetUtcNow().UtcDateTime;
            ready.AddRange(monitoring.ScheduledJobs(0, 1000)
                .Where(j => j.Value is { InScheduledState: true, Job: not null } && j.Value.EnqueueAt <= now)
                .OrderBy(j => j.Value.EnqueueAt)
                .Select(j => (j.Key, j.Value.Job, ScheduledState.StateName)));
            // Recorded Slack requests are worked by the inbound lane on a server (no Hangfire job per request): run them too.
            var slackRequests = app.Services.GetService<CoachBot.Bot.Slack.SlackInboundJob>() is null ? 0 : await Slack.SlackApplication.RunPendingSlackJobsAsync(app);
            if (ready.Count == 0 && slackRequests == 0)
            {
                return;
            }

            last = [.. ready.Select(r => $"{r.Id} {r.Job.Type.Name}.{r.Job.Method.Name} ({r.State})")];
            foreach (var (id, job, state) in ready)
            {
                // Taken out of its queue or schedule first, as a worker's fetch would, so it runs once.
                if (client.ChangeState(id, new DeletedState(), state))
                {
                    await PerformAsync(job, $"job {id}");
                }
            }
        }

        throw new Xunit.Sdk.XunitException($"Jobs kept enqueueing jobs for 50 rounds; the last round: {string.Join(", ", last)}");
    }

    /// <summary>
    /// Moves the clock to <paramref name="until"/>, stopping at each moment something falls due on the way (a rep's next
    /// nudge, a retry, a follow-up, an escalation deadline, a weekly job) and running the jobs there.
    /// </summary>
    public async Task AdvanceToAsync(DateTimeOffset until)
    {
        await TickAsync();
        while (app.Clock.GetUtcNow() < until)
        {
            var next = await NextEventAfterAsync(app.Clock.GetUtcNow());
            var step = next is { } at && at < until ? at : until;
            app.Clock.SetUtcNow(step);
            await TickAsync();
        }
    }

    private async Task<DateTimeOffset?> NextEventAfterAsync(DateTimeOffset now)
    {
        await using var command = app.Database.DataSource.CreateCommand("""
            select min(t) from (
                select min(next_due_at) as t from rep_schedule where not paused and not stopped and next_due_at > $1 and next_due_at <> 'infinity'
                union all select min(next_attempt_at) from nudge_delivery where status = 'pending' and next_attempt_at > $1
                union all select min(follow_up_due_at) from nudge_delivery where status = 'sent' and answered_at is null and follow_up_due_at > $1
            ) events
            """);
        command.Parameters.Add(new NpgsqlParameter { Value = now.UtcDateTime });
        var database = await command.ExecuteScalarAsync() is DateTime t ? new DateTimeOffset(DateTime.SpecifyKind(t, DateTimeKind.Utc)) : (DateTimeOffset?)null;

        var scheduled = Storage.GetMonitoringApi().ScheduledJobs(0, 1000)
            .Where(j => j.Value is { InScheduledState: true } && j.Value.EnqueueAt > now.UtcDateTime)
            .Select(j => (DateTimeOffset?)new DateTimeOffset(DateTime.SpecifyKind(j.Value.EnqueueAt, DateTimeKind.Utc)))
            .Min();

        DateTimeOffset? weekly;
        using (var connection = Storage.GetConnection())
        {
            // Daily or rarer jobs (the Monday briefs) run at their own time; the frequent ones run at every stop anyway.
            weekly = connection.GetRecurringJobs().Where(r => r.Cron is { } c && JourneyCron.IsDailyOrRarer(c))
                .Select(r => JourneyCron.NextAfter(r.Cron, now)).Min();
        }

        return new[] { database, scheduled, weekly }.Where(x => x is not null).Min();
    }

    private async Task PerformAsync(Job job, string what)
    {
        using var scope = app.Services.CreateScope();
        var instance = job.Method.IsStatic ? null : ActivatorUtilities.GetServiceOrCreateInstance(scope.ServiceProvider, job.Type);
        var parameters = job.Method.GetParameters();
        var args = job.Args.Select((a, i) => parameters[i].ParameterType == typeof(CancellationToken) ? CancellationToken.None : a).ToArray();
        try
        {
            if (job.Method.Invoke(instance, args) is Task task)
            {
                await task;
            }
        }
        catch (TargetInvocationException ex) when (ex.InnerException is not null)
        {
            throw new Xunit.Sdk.XunitException($"{what} ({job.Type.Name}.{job.Method.Name}) failed: {ex.InnerException}");
        }
        catch (Exception ex) when (ex is not Xunit.Sdk.XunitException)
        {
            throw new Xunit.Sdk.XunitException($"{what} ({job.Type.Name}.{job.Method.Name}) failed: {ex}");
        }

        Performed++;
    }
}
