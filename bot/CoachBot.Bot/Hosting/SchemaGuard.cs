using CoachBot.Coaching.Data;
using CoachBot.Jobs.Hosting;
using Hangfire.PostgreSql;
using Microsoft.Extensions.Options;
using Npgsql;

namespace CoachBot.Bot.Hosting;

/// <summary>
/// Brings a database that lost its schema while CoachBot ran (recreated, restored from an old backup) back to this build's
/// migrations, Hangfire's schema and recurring jobs included, without a restart. Checks every half minute, and at once
/// when readiness or a request finds the schema missing. Migrations are advisory-locked, so instances can race safely.
/// </summary>
internal sealed partial class SchemaGuard(
    DatabaseMigrator migrator, NpgsqlDataSource dataSource, IOptions<DatabaseOptions> database, IOptions<JobsOptions> jobs,
    HangfireConnections hangfire, IServiceProvider services, ILogger<SchemaGuard> logger) : BackgroundService
{
    private static readonly TimeSpan Interval = TimeSpan.FromSeconds(30);
    private readonly SemaphoreSlim _wake = new(0, 1);
    private readonly SemaphoreSlim _repairing = new(1, 1);

    /// <summary>True from finding the schema behind until its tables, Hangfire's and the recurring jobs are all back.</summary>
    public bool Repairing { get; private set; }

    /// <summary>
    /// A request met an outage: idle pooled connections most likely died with it, so they are dropped (the first requests
    /// after the database returns must not fail on them); a missing table means look at the schema now, not next round.
    /// </summary>
    public void NoteFailure(Exception exception)
    {
        dataSource.Clear();
        if (DatabaseOutage.IsSchemaMissing(exception))
        {
            CheckSoon();
        }
    }

    public void CheckSoon()
    {
        if (_wake.CurrentCount == 0)
        {
            try
            {
                _wake.Release();
            }
            catch (SemaphoreFullException)
            {
                // Another caller woke it first.
            }
        }
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        while (!stoppingToken.IsCancellationRequested)
        {
            await _wake.WaitAsync(Interval, stoppingToken);
            try
            {
                await RepairAsync(stoppingToken);
            }
            catch (Exception ex) when (DatabaseOutage.IsOutage(ex))
            {
                // Still away: the next round tries again.
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                LogRepairFailed(logger, ex);
            }
        }
    }

    /// <summary>Applies what is missing; returns the migrations it applied (none when the schema was up to date).</summary>
    public async Task<IReadOnlyList<string>> RepairAsync(CancellationToken cancellationToken)
    {
        await _repairing.WaitAsync(cancellationToken);
        try
        {
            var pending = await DatabaseMigrator.PendingAsync(dataSource, cancellationToken);
            if (pending.Count == 0)
            {
                return [];
            }

            LogSchemaBehind(logger, pending.Count, DatabaseMigrator.Latest);
            Repairing = true;
            var applied = await Task.Run(() => migrator.Migrate(database.Value.CoachBot), cancellationToken);
            // Connections pooled before the database was recreated are dead; without this each fails one request or registration.
            dataSource.Clear();
            hangfire.Clear();
            await using (var connection = await dataSource.OpenConnectionAsync(cancellationToken))
            {
                // Idempotent: creates Hangfire's tables only where they are missing, as its storage does at start.
                PostgreSqlObjectsInstaller.Install(connection, jobs.Value.SchemaName);
            }

            await dataSource.ReloadTypesAsync(cancellationToken);
            foreach (var registrar in services.GetServices<IRecurringJobRegistrar>())
            {
                registrar.RegisterRecurringJobs();
            }

            LogSchemaRestored(logger, applied.Count);
            return applied;
        }
        finally
        {
            Repairing = false;
            _repairing.Release();
        }
    }

    [LoggerMessage(EventId = 1002, Level = LogLevel.Warning, Message = "Database schema is missing or behind ({Count} migration(s) not applied, latest {Latest}): migrating now")]
    private static partial void LogSchemaBehind(ILogger logger, int count, string latest);

    [LoggerMessage(EventId = 1003, Level = LogLevel.Warning, Message = "Database schema restored without a restart: {Count} migration(s) applied, Hangfire schema and recurring jobs in place")]
    private static partial void LogSchemaRestored(ILogger logger, int count);

    [LoggerMessage(EventId = 1004, Level = LogLevel.Error, Message = "Database schema repair failed; retrying in half a minute")]
    private static partial void LogRepairFailed(ILogger logger, Exception exception);
}
