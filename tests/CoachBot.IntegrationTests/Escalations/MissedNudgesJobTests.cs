using CoachBot.Coaching.Escalations;
using CoachBot.Coaching.People;
using CoachBot.Jobs.Escalations;
using CoachBot.Jobs.Hosting;
using CoachBot.Testing;
using CoachBot.Testing.Escalations;
using CoachBot.Testing.Scheduling;
using Dapper;
using Hangfire;
using Hangfire.Storage;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace CoachBot.IntegrationTests.Escalations;

public sealed class MissedNudgesJobTests(PostgresDatabase database) : IClassFixture<PostgresDatabase>
{
    private static MissedNudgesJob Job(EscalationWorld world) => new(
        world.DataSource, world.Get<EscalationService>(), world.Clock, world.Get<IOptions<EscalationOptions>>(),
        Options.Create(new JobsOptions()), NullLogger<MissedNudgesJob>.Instance);

    private static async Task<Person> RepAsync(EscalationWorld world, bool paused = false)
    {
        var boss = await world.AddPersonAsync($"UBOSS{Guid.NewGuid():N}"[..12], "Pat Boss", PersonRole.Manager);
        var rep = await world.AddPersonAsync($"UREP{Guid.NewGuid():N}"[..12], "Sam Rep", manager: boss);
        await world.ExecuteAsync("insert into rep_schedule (person_id, workspace_id, paused) values (@id, @workspace, @paused)",
            new { id = rep.Id, workspace = world.WorkspaceId, paused });
        return rep;
    }

    // Nudges sent at 09:30 on the given days before the world's Monday 09:00; true = answered an hour later.
    private static async Task<List<Guid>> SendAsync(EscalationWorld world, Person rep, params (int DaysAgo, bool Answered)[] nudges)
    {
        var ids = new List<Guid>();
        foreach (var (daysAgo, answered) in nudges)
        {
            var sentAt = world.Clock.GetUtcNow().AddDays(-daysAgo).AddMinutes(30);
            ids.Add(await world.DataSource.AddSentNudgeAsync(rep.Id, sentAt, answeredAt: answered ? sentAt.AddHours(1) : null));
        }

        return ids;
    }

    private static async Task<List<(string Reason, string? Shared, string Key)>> EscalationsAsync(EscalationWorld world, Person rep)
    {
        await using var connection = await world.DataSource.OpenConnectionAsync();
        var rows = await connection.QueryAsync<(string, string?, string)>(new CommandDefinition(
            "select reason, shared_text, idempotency_key from escalation where rep_id = @id", new { id = rep.Id }));
        return rows.ToList();
    }

    [Fact]
    public async Task ThreeNudgesMissedInARowRaiseOneEscalationWithoutRepText()
    {
        await using var world = await EscalationWorld.CreateAsync(database);
        var rep = await RepAsync(world);
        var sent = await SendAsync(world, rep, (5, false), (4, false), (3, false));

        await Job(world).RunAsync(default);
        await Job(world).RunAsync(default);

        var escalation = Assert.Single(await EscalationsAsync(world, rep));
        Assert.Equal(("missed_nudges", null, $"missed:{rep.Id}:{sent[0]}"), escalation);
    }

    [Fact]
    public async Task AnAnsweredNudgeEndsTheRun()
    {
        await using var world = await EscalationWorld.CreateAsync(database);
        var rep = await RepAsync(world);
        await SendAsync(world, rep, (7, false), (6, false), (5, true), (4, false), (3, false));

        await Job(world).RunAsync(default);

        Assert.Empty(await EscalationsAsync(world, rep));
    }

    [Fact]
    public async Task ANudgeCountsAsMissedOnlyOnceItsFollowUpTimeHasPassed()
    {
        await using var world = await EscalationWorld.CreateAsync(database);
        var rep = await RepAsync(world);
        var sent = await SendAsync(world, rep, (2, false), (1, false));
        world.Clock.Advance(TimeSpan.FromHours(1));
        await world.DataSource.AddSentNudgeAsync(rep.Id, world.Clock.GetUtcNow().AddMinutes(-30), TimeSpan.FromHours(4));

        await Job(world).RunAsync(default);
        var early = await EscalationsAsync(world, rep);
        world.Clock.Advance(TimeSpan.FromHours(4));
        await Job(world).RunAsync(default);

        Assert.Empty(early);
        Assert.Equal($"missed:{rep.Id}:{sent[0]}", Assert.Single(await EscalationsAsync(world, rep)).Key);
    }

    [Fact]
    public async Task ALongerRunOfTheSameMissesRaisesNothingNewAfterTheManagerResolvedIt()
    {
        await using var world = await EscalationWorld.CreateAsync(database);
        var rep = await RepAsync(world);
        await SendAsync(world, rep, (6, false), (5, false), (4, false));
        await Job(world).RunAsync(default);
        await world.ExecuteAsync("update escalation set state = 'resolved' where rep_id = @id", new { id = rep.Id });

        await SendAsync(world, rep, (3, false));
        await Job(world).RunAsync(default);

        Assert.Single(await EscalationsAsync(world, rep));
    }

    [Fact]
    public async Task PausedRepsAndFailedSendsDoNotCount()
    {
        await using var world = await EscalationWorld.CreateAsync(database);
        var paused = await RepAsync(world, paused: true);
        await SendAsync(world, paused, (5, false), (4, false), (3, false));
        var rep = await RepAsync(world);
        var sent = await SendAsync(world, rep, (5, false), (4, false), (3, false));
        await world.ExecuteAsync("update nudge_delivery set status = 'failed' where id = @id", new { id = sent[1] });

        await Job(world).RunAsync(default);

        Assert.Empty(await EscalationsAsync(world, paused));
        Assert.Empty(await EscalationsAsync(world, rep));
    }

    [Fact]
    public async Task TheHostRegistersTheMissedNudgesJobHourly()
    {
        await using var app = new CoachBotApplication(database);
        _ = app.Server;

        Assert.NotNull(app.Services.GetRequiredService<MissedNudgesJob>());
        using var connection = app.Services.GetRequiredService<JobStorage>().GetConnection();
        var recurring = Assert.Single(connection.GetRecurringJobs(), j => j.Id == MissedNudgesJob.RecurringId);
        Assert.Equal(Cron.Hourly(), recurring.Cron);
        Assert.Equal("UTC", recurring.TimeZoneId);
    }
}
