using CoachBot.Coaching.Chat;
using CoachBot.Testing;
using CoachBot.Testing.Scheduling;
using Npgsql;

namespace CoachBot.IntegrationTests.Scheduling;

/// <summary>
/// The dispatcher's set-based claim (issue 14): thousands of reps per transaction, their rows read in one statement,
/// their slots computed in memory (once per distinct schedule) and written back, ledger and schedules, in one statement.
/// </summary>
public sealed class BulkClaimTests(PostgresDatabase database) : IClassFixture<PostgresDatabase>
{
    [Fact]
    public async Task EveryRepInABulkBatchGetsTheNextSlotOfTheirOwnSchedule()
    {
        var harness = new NudgeHarness(database);
        harness.Options.DispatchBatchSize = 5000;
        var london = await NudgeSeed.AddWorkspaceAsync(harness.DataSource, ChatPlatform.Slack, reps: 40, nextDueAt: NudgeHarness.Monday0900);
        var newYork = await NudgeSeed.AddWorkspaceAsync(harness.DataSource, ChatPlatform.Slack, reps: 3, nextDueAt: NudgeHarness.Monday0900, timeZone: "America/New_York");
        var tokyo = await NudgeSeed.AddWorkspaceAsync(harness.DataSource, ChatPlatform.Teams, reps: 3, nextDueAt: NudgeHarness.Monday0900, timeZone: "Asia/Tokyo");
        var quietMorning = london.PersonIds[0];
        var tuesdaysAndThursdays = london.PersonIds[1];
        var twoSendTimes = london.PersonIds[2];
        // Schedules that differ in one field each: the batch computes each distinct schedule once, never one for all.
        await harness.ExecuteAsync("update rep_schedule set send_times = '{09:30,13:00}', quiet_start = '09:00', quiet_end = '12:00' where person_id = $1", quietMorning);
        await harness.ExecuteAsync("update rep_schedule set working_days = '{2,4}' where person_id = $1", tuesdaysAndThursdays);
        await harness.ExecuteAsync("update rep_schedule set send_times = '{08:00,16:45}' where person_id = $1", twoSendTimes);

        await harness.Dispatcher().RunAsync(CancellationToken.None);

        var next = await NextDueAsync(harness);
        Assert.Equal(Utc(2026, 3, 2, 13, 0), next[quietMorning]);          // 09:30 falls in quiet hours: 13:00
        Assert.Equal(Utc(2026, 3, 3, 9, 30), next[tuesdaysAndThursdays]); // not Monday again: Tuesday 09:30
        Assert.Equal(Utc(2026, 3, 2, 16, 45), next[twoSendTimes]);         // 08:00 has passed today; 16:45 has not
        Assert.All(london.PersonIds.Skip(3), p => Assert.Equal(Utc(2026, 3, 2, 9, 30), next[p]));
        Assert.All(newYork.PersonIds, p => Assert.Equal(Utc(2026, 3, 2, 14, 30), next[p])); // 09:30 EST, before the March DST change
        Assert.All(tokyo.PersonIds, p => Assert.Equal(Utc(2026, 3, 3, 0, 30), next[p]));    // 18:00 in Tokyo now: Tuesday 09:30 JST
        var rows = (await harness.RowsAsync(london.Id)).Concat(await harness.RowsAsync(newYork.Id)).Concat(await harness.RowsAsync(tokyo.Id)).ToList();
        Assert.Equal(46, rows.Count);
        Assert.All(rows, r => Assert.Equal(("pending", "nudge", NudgeHarness.Monday0900), (r.Status, r.Kind, r.SlotAt)));
    }

    [Fact]
    public async Task TwoInstancesRacingOverThousandsOfRepsClaimEachRepExactlyOnce()
    {
        var harness = new NudgeHarness(database);
        harness.Options.DispatchBatchSize = 1500;
        harness.Options.SendBatchSize = 200;
        var teams = new[]
        {
            await NudgeSeed.AddWorkspaceAsync(harness.DataSource, ChatPlatform.Slack, reps: 6000, nextDueAt: NudgeHarness.Monday0900),
            await NudgeSeed.AddWorkspaceAsync(harness.DataSource, ChatPlatform.Teams, reps: 6000, nextDueAt: NudgeHarness.Monday0900),
        };
        await using var secondInstance = NpgsqlDataSource.Create(database.ConnectionString);

        // Each instance runs its own claim loops too, so four loops race over the same rows.
        await Task.WhenAll(
            Task.Run(() => harness.Dispatcher().RunAsync(CancellationToken.None)),
            Task.Run(() => harness.Dispatcher(secondInstance).RunAsync(CancellationToken.None)));

        var rows = (await harness.RowsAsync(teams[0].Id)).Concat(await harness.RowsAsync(teams[1].Id)).ToList();
        Assert.Equal(12_000, rows.Count);
        Assert.Equal(12_000, rows.Select(r => r.PersonId).Distinct().Count());
        var enqueued = harness.Jobs.TakeAll().SelectMany(j => (Guid[])j.Job.Args[0]).ToList();
        Assert.Equal(rows.Select(r => r.Id).Order(), enqueued.Order());
        var workspaces = teams.Select(t => t.Id).ToArray();
        Assert.Equal(0L, await harness.ScalarAsync<long>(
            "select count(*) from rep_schedule where workspace_id = any($1) and next_due_at <= $2", workspaces, NudgeHarness.Monday0900));
    }

    [Fact]
    public async Task SnoozedPausedAndStoppedRepsInABulkBatchAreNotClaimed()
    {
        var harness = new NudgeHarness(database);
        var team = await NudgeSeed.AddWorkspaceAsync(harness.DataSource, ChatPlatform.Slack, reps: 200, nextDueAt: NudgeHarness.Monday0900);
        var (snoozed, paused, stopped) = (team.PersonIds[10], team.PersonIds[20], team.PersonIds[30]);
        // What snoozing does: a schedule change clears next_due_at, and the tick recomputes it past the snooze.
        await harness.ExecuteAsync("update rep_schedule set snoozed_until = $1, next_due_at = null where person_id = $2", NudgeHarness.Monday0900.AddDays(2), snoozed);
        await harness.ExecuteAsync("update rep_schedule set paused = true where person_id = $1", paused);
        await harness.ExecuteAsync("update rep_schedule set stopped = true where person_id = $1", stopped);

        await harness.Dispatcher().RunAsync(CancellationToken.None);

        var rows = await harness.RowsAsync(team.Id);
        Assert.Equal(197, rows.Count);
        Assert.DoesNotContain(rows, r => r.PersonId == snoozed || r.PersonId == paused || r.PersonId == stopped);
        var next = await NextDueAsync(harness);
        Assert.Equal(Utc(2026, 3, 4, 9, 30), next[snoozed]); // the first slot after the snooze ends (Wednesday 09:00)
        Assert.Equal(NudgeHarness.Monday0900.UtcDateTime, next[paused]);  // left as it was: resuming sends it
        Assert.Equal(NudgeHarness.Monday0900.UtcDateTime, next[stopped]);
    }

    [Fact]
    public async Task ADatabaseCrashMidBatchLeavesNothingOfThatBatchAndTheNextTickClaimsItOnce()
    {
        var harness = new NudgeHarness(database);
        harness.Options.DispatchBatchSize = 300;
        var team = await NudgeSeed.AddWorkspaceAsync(harness.DataSource, ChatPlatform.Teams, reps: 300, nextDueAt: NudgeHarness.Monday0900);
        var victim = team.PersonIds[150];
        // The server process serving the claim dies while the batch's ledger rows are being written (some already are).
        await harness.ExecuteAsync($"""
            create function crash_claim() returns trigger language plpgsql as $$
            begin
                if new.person_id = {victim} then
                    perform pg_terminate_backend(pg_backend_pid());
                    perform pg_sleep(30);
                end if;
                return new;
            end $$;
            create trigger crash_claim before insert on nudge_delivery for each row execute function crash_claim();
            """);
        try
        {
            await Assert.ThrowsAnyAsync<NpgsqlException>(() => harness.Dispatcher().RunAsync(CancellationToken.None));
        }
        finally
        {
            await harness.ExecuteAsync("drop trigger crash_claim on nudge_delivery; drop function crash_claim()");
        }

        Assert.Empty(await harness.RowsAsync(team.Id));
        Assert.Equal(300L, await harness.ScalarAsync<long>("select count(*) from rep_schedule where workspace_id = $1 and next_due_at = $2", team.Id, NudgeHarness.Monday0900));
        Assert.Empty(harness.Jobs.TakeAll());

        await harness.Dispatcher().RunAsync(CancellationToken.None);

        var rows = await harness.RowsAsync(team.Id);
        Assert.Equal(team.PersonIds, rows.Select(r => r.PersonId));
        Assert.Equal(rows.Select(r => r.Id).Order(), harness.Jobs.TakeAll().SelectMany(j => (Guid[])j.Job.Args[0]).Order());
        Assert.Equal(0L, await harness.ScalarAsync<long>("select count(*) from rep_schedule where workspace_id = $1 and next_due_at <= $2", team.Id, NudgeHarness.Monday0900));
    }

    private static DateTime Utc(int year, int month, int day, int hour, int minute) => new(year, month, day, hour, minute, 0, DateTimeKind.Utc);

    private static async Task<Dictionary<long, DateTime>> NextDueAsync(NudgeHarness harness)
    {
        await using var command = harness.DataSource.CreateCommand("select person_id, next_due_at from rep_schedule where next_due_at is not null");
        await using var reader = await command.ExecuteReaderAsync();
        var next = new Dictionary<long, DateTime>();
        while (await reader.ReadAsync())
        {
            next[reader.GetInt64(0)] = reader.GetDateTime(1);
        }

        return next;
    }
}
