using CoachBot.Coaching.Chat;
using CoachBot.Coaching.Scheduling;
using CoachBot.Jobs.Hosting;
using CoachBot.Jobs.Nudges;
using CoachBot.Platforms.RateLimiting;
using CoachBot.Platforms.Slack;
using CoachBot.Platforms.Teams;
using CoachBot.Testing;
using CoachBot.Testing.Scheduling;
using Hangfire.States;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Time.Testing;
using Npgsql;

namespace CoachBot.IntegrationTests.Scheduling;

/// <summary>The real dispatcher, sender and follow-up jobs over a test database, with a fake clock, messengers and job client.</summary>
internal sealed class NudgeHarness(PostgresDatabase database)
{
    public static readonly DateTimeOffset Monday0900 = new(2026, 3, 2, 9, 0, 0, TimeSpan.Zero);

    public FakeTimeProvider Clock { get; } = new(Monday0900);

    public RecordingChatMessenger Slack { get; } = new(ChatPlatform.Slack, canReconcile: true);

    public RecordingChatMessenger Teams { get; } = new(ChatPlatform.Teams, canReconcile: false);

    public RecordingJobClient Jobs { get; } = new();

    public JobsOptions Options { get; } = new();

    // Send rates that never bind unless a test says so; the pacing itself is covered by the rate-gate tests.
    public SlackOptions SlackOptions { get; } = new() { PostPerWorkspacePerMinute = 100_000 };

    public TeamsOptions TeamsOptions { get; } = new() { RequestsPerSecondPerTenant = 10_000 };

    public NpgsqlDataSource DataSource => database.DataSource;

    public NudgeDeliveries Deliveries => new(DataSource, Clock);

    public DispatchNudgesJob Dispatcher(NpgsqlDataSource? dataSource = null)
    {
        var source = dataSource ?? DataSource;
        return new DispatchNudgesJob(new DueReps(source), new Orphans(source), Batches(), Clock, Microsoft.Extensions.Options.Options.Create(Options), NullLogger<DispatchNudgesJob>.Instance);
    }

    internal DeliveryAttempt Attempt()
    {
        return new DeliveryAttempt(new DeliveryLedger(DataSource), new FakeNudgeSource(), [Slack, Teams], Notice(), Clock, Microsoft.Extensions.Options.Options.Create(Options), NullLogger<DeliveryAttempt>.Instance);
    }

    /// <param name="ledgerSource">Where the ledger's statements go (a counting proxy in the round-trip tests).</param>
    public SendDeliveryBatchJob Sender(NpgsqlDataSource? ledgerSource = null)
    {
        var options = Microsoft.Extensions.Options.Options.Create(Options);
        var ledger = new DeliveryLedger(ledgerSource ?? DataSource);
        var attempt = new DeliveryAttempt(ledger, new FakeNudgeSource(), [Slack, Teams], Notice(), Clock, options, NullLogger<DeliveryAttempt>.Instance);
        var reservations = new SendReservations(
            new SharedRateGate(DataSource), Microsoft.Extensions.Options.Options.Create(SlackOptions), Microsoft.Extensions.Options.Options.Create(TeamsOptions));
        return new SendDeliveryBatchJob(ledger, attempt, reservations, Batches(), Clock, options, NullLogger<SendDeliveryBatchJob>.Instance);
    }

    /// <summary>The managers' notice over the harness's recording messengers.</summary>
    public CoachBot.Coaching.Managers.UnreachableRepNotice Notice() => new(
        new CoachBot.Coaching.People.PersonDirectory(DataSource), new CoachBot.Coaching.Managers.PersonReach(DataSource),
        new CoachBot.Coaching.Escalations.ChatMessengers([Slack, Teams]), DataSource, NullLogger<CoachBot.Coaching.Managers.UnreachableRepNotice>.Instance);

    public SendBatches Batches() => new(Jobs, Microsoft.Extensions.Options.Options.Create(Options));

    public FollowUpNudgesJob FollowUps() =>
        new(DataSource, Batches(), Clock, Microsoft.Extensions.Options.Options.Create(Options), NullLogger<FollowUpNudgesJob>.Instance);

    /// <summary>A harness with one workspace of <paramref name="reps"/> reps due now, dispatched into pending deliveries.</summary>
    public static async Task<(NudgeHarness Harness, NudgeSeed.Workspace Team, List<DeliveryRow> Rows)> DispatchedAsync(
        PostgresDatabase database, ChatPlatform platform, int reps, Action<NudgeHarness>? arrange = null)
    {
        var harness = new NudgeHarness(database);
        arrange?.Invoke(harness);
        var team = await NudgeSeed.AddWorkspaceAsync(harness.DataSource, platform, reps, Monday0900);
        await harness.Dispatcher().RunAsync(CancellationToken.None);
        return (harness, team, await harness.RowsAsync(team.Id));
    }

    /// <summary>Runs every enqueued send batch until none is left; scheduled (delayed) ones are returned, not run.</summary>
    public async Task<List<(Guid[] Ids, TimeSpan Delay)>> RunSendJobsAsync(CancellationToken cancellationToken = default)
    {
        var scheduled = new List<(Guid[], TimeSpan)>();
        for (var round = 0; round < 100 && !Jobs.Created.IsEmpty; round++)
        {
            foreach (var (job, state) in Jobs.TakeAll())
            {
                var ids = (Guid[])job.Args[0];
                if (state is ScheduledState delayed)
                {
                    scheduled.Add((ids, delayed.EnqueueAt - DateTime.UtcNow));
                    continue;
                }

                Assert.Equal(JobQueues.Send, job.Queue);
                await Sender().RunAsync(ids, cancellationToken);
            }
        }

        return scheduled;
    }

    public async Task<DeliveryRow> RowAsync(Guid id) => Assert.Single(await QueryRowsAsync("where id = $1", id));

    public Task<List<DeliveryRow>> RowsAsync(long workspaceId) => QueryRowsAsync("where workspace_id = $1 order by person_id, slot_at", workspaceId);

    /// <summary>Runs SQL with named-free positional parameters ($1, $2 …).</summary>
    public async Task ExecuteAsync(string sql, params object[] args)
    {
        await using var command = Command(sql, args);
        await command.ExecuteNonQueryAsync();
    }

    public async Task<T> ScalarAsync<T>(string sql, params object[] args)
    {
        await using var command = Command(sql, args);
        return (T)(await command.ExecuteScalarAsync() ?? throw new InvalidOperationException("no value"));
    }

    private NpgsqlCommand Command(string sql, object[] args)
    {
        var command = DataSource.CreateCommand(sql);
        foreach (var arg in args)
        {
            command.Parameters.Add(new NpgsqlParameter { Value = arg is DateTimeOffset at ? at.UtcDateTime : arg });
        }

        return command;
    }

    private async Task<List<DeliveryRow>> QueryRowsAsync(string where, object arg)
    {
        await using var command = Command($"{DeliveryRow.Select} {where}", [arg]);
        await using var reader = await command.ExecuteReaderAsync();
        var rows = new List<DeliveryRow>();
        while (await reader.ReadAsync())
        {
            rows.Add(new DeliveryRow(
                reader.GetGuid(0), reader.GetInt64(1), reader.GetString(2), reader.GetString(3), reader.GetInt32(4),
                reader.IsDBNull(5) ? null : reader.GetString(5), reader.IsDBNull(6) ? null : reader.GetString(6), reader.GetBoolean(7),
                reader.GetFieldValue<DateTimeOffset>(8), reader.GetFieldValue<DateTimeOffset>(9),
                reader.IsDBNull(10) ? null : reader.GetFieldValue<DateTimeOffset>(10), reader.IsDBNull(11) ? null : reader.GetGuid(11)));
        }

        return rows;
    }
}

internal sealed record DeliveryRow(
    Guid Id, long PersonId, string Kind, string Status, int Attempts, string? ProviderMessageId, string? LastError, bool Reconcile,
    DateTimeOffset SlotAt, DateTimeOffset NextAttemptAt, DateTimeOffset? FollowUpDueAt, Guid? ParentId)
{
    public const string Select = """
        select id, person_id, kind, status, attempts, provider_message_id, last_error,
               reconcile, slot_at, next_attempt_at, follow_up_due_at, parent_id
        from nudge_delivery
        """;
}
