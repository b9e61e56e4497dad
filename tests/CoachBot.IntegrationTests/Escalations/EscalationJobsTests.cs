using CoachBot.Coaching.Escalations;
using CoachBot.Coaching.Managers;
using CoachBot.Coaching.People;
using CoachBot.Jobs.Escalations;
using CoachBot.Testing;
using CoachBot.Testing.Escalations;
using Hangfire;
using Hangfire.Common;
using Hangfire.States;
using Hangfire.Storage;
using Microsoft.Extensions.DependencyInjection;

namespace CoachBot.IntegrationTests.Escalations;

public sealed class EscalationJobsTests(PostgresDatabase database) : IClassFixture<PostgresDatabase>
{
    [Fact]
    public void DeadlinesBecomeScheduledHangfireJobsCarryingOnlyIds()
    {
        var client = new RecordingJobClient();
        var due = new DateTimeOffset(2026, 3, 2, 13, 0, 0, TimeSpan.Zero);

        var jobId = new HangfireEscalationDeadlines(client).Schedule(42, EscalationStage.SkipLevel, due);
        new HangfireEscalationDeadlines(client).Cancel(jobId);

        var (job, state) = Assert.Single(client.Created);
        Assert.Equal(typeof(EscalationDeadlineJob), job.Type);
        Assert.Equal(nameof(EscalationDeadlineJob.RunAsync), job.Method.Name);
        Assert.Equal([42L, EscalationStage.SkipLevel], job.Args.Take(2));
        Assert.Equal(due.UtcDateTime, Assert.IsType<ScheduledState>(state).EnqueueAt);
        Assert.IsType<DeletedState>(Assert.Single(client.Changed).State);
    }

    [Fact]
    public async Task TheHostWiresEscalationsAndRegistersTheWeeklyBriefsJob()
    {
        await using var app = new CoachBotApplication(database);
        _ = app.Server;

        Assert.IsType<HangfireEscalationDeadlines>(app.Services.GetRequiredService<IEscalationDeadlines>());
        Assert.NotNull(app.Services.GetRequiredService<ManagerInbox>());
        Assert.IsType<EscalationService>(app.Services.GetRequiredService<IEscalations>());
        using var connection = app.Services.GetRequiredService<JobStorage>().GetConnection();
        var recurring = Assert.Single(connection.GetRecurringJobs(), j => j.Id == WeeklyBriefsJob.RecurringId);
        Assert.Equal("UTC", recurring.TimeZoneId);
    }

    [Fact]
    public async Task WeeklyBriefsGoToEachOwnerOnceAWeek()
    {
        await using var world = await EscalationWorld.CreateAsync(database);
        var boss = await world.AddPersonAsync("UBOSS", "Pat Boss", PersonRole.Manager);
        await world.AddPersonAsync("UREP1", "Sam Rep", manager: boss);
        await world.AddPersonAsync("UREP2", "Alex Rep", manager: boss);
        var job = new WeeklyBriefsJob(world.Get<BriefService>());

        await job.RunAsync(default);
        await job.RunAsync(default);

        var briefs = world.Messenger.DirectTo(boss.Key);
        Assert.Equal(["Weekly brief: Alex Rep", "Weekly brief: Sam Rep"], briefs.Select(b => b.Text));
    }

    private sealed class RecordingJobClient : IBackgroundJobClient
    {
        public List<(Job Job, IState State)> Created { get; } = [];

        public List<(string Id, IState State)> Changed { get; } = [];

        public string Create(Job job, IState state)
        {
            Created.Add((job, state));
            return $"hf-{Created.Count}";
        }

        public bool ChangeState(string jobId, IState state, string expectedState)
        {
            Changed.Add((jobId, state));
            return true;
        }
    }
}
