using CoachBot.Coaching.Data;
using Microsoft.Extensions.Options;

namespace CoachBot.Bot.Hosting;

// Registered before the Hangfire server so the app's tables exist before any job runs.
internal sealed partial class MigrateOnStartService(DatabaseMigrator migrator, IOptions<DatabaseOptions> options, ILogger<MigrateOnStartService> logger) : IHostedService
{
    public Task StartAsync(CancellationToken cancellationToken)
    {
        var applied = migrator.Migrate(options.Value.CoachBot);
        LogMigrated(logger, applied.Count);
        return Task.CompletedTask;
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    [LoggerMessage(EventId = 1001, Level = LogLevel.Information, Message = "Database ready; {Count} migration(s) applied")]
    private static partial void LogMigrated(ILogger logger, int count);
}
